import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEDIA_MODULE } from "../../../modules/media"
import type MediaModuleService from "../../../modules/media/service"

export type NewMediaFile = {
  vendor_id: string
  file_id: string
  url: string
  filename: string
  mime_type: string
  kind: "image" | "other"
  size: number
  width: number | null
  height: number | null
  uploaded_by: string | null
}

export const createMediaFilesStepId = "create-media-files"

/** Records uploaded files in the vendor's library; compensation removes the records again. */
export const createMediaFilesStep = createStep(
  createMediaFilesStepId,
  async (files: NewMediaFile[], { container }) => {
    const created = await container.resolve<MediaModuleService>(MEDIA_MODULE).createMediaFiles(files)
    return new StepResponse(created, created.map((file) => file.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<MediaModuleService>(MEDIA_MODULE).deleteMediaFiles(ids)
  }
)
