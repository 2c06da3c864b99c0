import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteFilesWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { deleteMediaFileStep } from "../steps/delete-media-file"
import { validateMediaFileStep } from "../steps/validate-media-file"

export const deleteMediaFileWorkflowId = "delete-media-file"

export type DeleteMediaFileWorkflowInput = { id: string; vendor_id: string | null }

/**
 * Deletes a file from a vendor's library: refused (MEDIA_FILE_IN_USE) while one of
 * the vendor's products shows it; otherwise the record goes, then the stored file
 * through Medusa's deleteFilesWorkflow — last, as it cannot be undone. Emits
 * `media_file.deleted`.
 *
 * @example
 * await deleteMediaFileWorkflow(container).run({ input: { id: "media_1", vendor_id: "ven_1" } })
 */
export const deleteMediaFileWorkflow = createWorkflow(deleteMediaFileWorkflowId, (input: DeleteMediaFileWorkflowInput) => {
  const file = validateMediaFileStep(transform({ input }, ({ input }) => ({ id: input.id, vendor_id: input.vendor_id, change: "delete" as const })))
  deleteMediaFileStep(transform({ file }, ({ file }) => file.id))
  deleteFilesWorkflow.runAsStep({ input: transform({ file }, ({ file }) => ({ ids: [file.file_id] })) })
  emitEventStep({ eventName: "media_file.deleted", data: transform({ file }, ({ file }) => ({ id: file.id, vendor_id: file.vendor_id })) })
  return new WorkflowResponse(file)
})
