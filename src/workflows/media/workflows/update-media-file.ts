import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateMediaFileStep } from "../steps/update-media-file"
import { validateMediaFileStep } from "../steps/validate-media-file"

export const updateMediaFileWorkflowId = "update-media-file"

export type UpdateMediaFileWorkflowInput = { id: string; vendor_id: string | null; alt: string | null }

/**
 * Changes a library file's alt text (the text a storefront shows to screen readers
 * and search engines). Another vendor's file is not found. Emits `media_file.updated`.
 *
 * @example
 * await updateMediaFileWorkflow(container).run({ input: { id: "media_1", vendor_id: "ven_1", alt: "Brass desk lamp" } })
 */
export const updateMediaFileWorkflow = createWorkflow(updateMediaFileWorkflowId, (input: UpdateMediaFileWorkflowInput) => {
  validateMediaFileStep(transform({ input }, ({ input }) => ({ id: input.id, vendor_id: input.vendor_id, change: "update" as const })))
  const updated = updateMediaFileStep(transform({ input }, ({ input }) => ({ id: input.id, alt: input.alt })))
  emitEventStep({ eventName: "media_file.updated", data: transform({ updated }, ({ updated }) => ({ id: updated.id, vendor_id: updated.vendor_id })) })
  return new WorkflowResponse(updated)
})
