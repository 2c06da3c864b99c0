import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { MEDIA_TYPES, sniffMediaFile, type SniffedFile } from "../file-types"

export type MediaUpload = { filename: string; mime_type?: string; content: string /* base64 */ }
export type CheckedUpload = SniffedFile & { filename: string; size: number }

export const validateMediaUploadsStepId = "validate-media-uploads"

/**
 * The library's rules for new files: at least one, none empty, each of an allowed
 * type judged by its bytes (src/workflows/media/file-types.ts). One refused file
 * refuses the whole upload, before anything is stored. Returns what each file is.
 */
export const validateMediaUploadsStep = createStep(validateMediaUploadsStepId, async (files: MediaUpload[]) => {
  if (!files?.length) {
    throw maartError("INVALID_DATA", ErrorCodes.MEDIA_FILE_REQUIRED, "Choose at least one file to upload (multipart field `files`).")
  }
  const checked = files.map((file): CheckedUpload => {
    const content = Buffer.from(file.content, "base64")
    if (!content.length) {
      throw maartError("INVALID_DATA", ErrorCodes.MEDIA_FILE_REQUIRED, `${file.filename} is empty.`, { filename: file.filename })
    }
    const sniffed = sniffMediaFile(content, file.filename, file.mime_type)
    if (!sniffed) {
      throw maartError(
        "INVALID_DATA",
        ErrorCodes.MEDIA_TYPE_NOT_ALLOWED,
        `${file.filename} (${file.mime_type || "unknown type"}) is not a file the media library takes: PNG, JPEG, GIF or WebP images, PDF or CSV.`,
        { filename: file.filename, mime_type: file.mime_type ?? null, allowed: [...MEDIA_TYPES] }
      )
    }
    return { ...sniffed, filename: file.filename, size: content.length }
  })
  return new StepResponse(checked)
})
