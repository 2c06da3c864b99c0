import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { createMediaFilesStep } from "../steps/create-media-files"
import { validateMediaUploadsStep, type MediaUpload } from "../steps/validate-media-uploads"

export const uploadMediaFilesWorkflowId = "upload-media-files"

export type UploadMediaFilesWorkflowInput = {
  vendor_id: string
  /** The admin user uploading. */
  uploaded_by: string | null
  files: MediaUpload[]
}

/**
 * Adds files to a vendor's media library: checks their types, stores them with
 * Medusa's uploadFilesWorkflow (local disk or S3, public), then records them. If
 * recording fails, the upload step's compensation deletes the stored files.
 * Emits `media_file.created` per file.
 *
 * @example
 * await uploadMediaFilesWorkflow(container).run({
 *   input: { vendor_id: "ven_1", uploaded_by: "user_1", files: [{ filename: "lamp.png", mime_type: "image/png", content: base64 }] },
 * })
 */
export const uploadMediaFilesWorkflow = createWorkflow(uploadMediaFilesWorkflowId, (input: UploadMediaFilesWorkflowInput) => {
  const checked = validateMediaUploadsStep(input.files)
  const stored = uploadFilesWorkflow.runAsStep({
    input: transform({ input, checked }, ({ input, checked }) => ({
      files: input.files.map((file, i) => ({ filename: file.filename, mimeType: checked[i].mime_type, content: file.content, access: "public" as const })),
    })),
  })
  const mediaFiles = createMediaFilesStep(
    transform({ input, checked, stored }, ({ input, checked, stored }) =>
      checked.map((file, i) => ({
        vendor_id: input.vendor_id,
        file_id: stored[i].id,
        url: stored[i].url,
        filename: file.filename,
        mime_type: file.mime_type,
        kind: file.kind,
        size: file.size,
        width: file.width,
        height: file.height,
        uploaded_by: input.uploaded_by,
      }))
    )
  )
  emitEventStep({
    eventName: "media_file.created",
    data: transform({ mediaFiles }, ({ mediaFiles }) => mediaFiles.map((file) => ({ id: file.id, vendor_id: file.vendor_id }))),
  })
  const mediaFilesUploaded = createHook("mediaFilesUploaded", { media_files: mediaFiles })
  return new WorkflowResponse(mediaFiles, { hooks: [mediaFilesUploaded] })
})
