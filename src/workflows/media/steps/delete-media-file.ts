import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEDIA_MODULE } from "../../../modules/media"
import type MediaModuleService from "../../../modules/media/service"

export const deleteMediaFileStepId = "delete-media-file"

/** Soft-deletes a file's record; compensation restores it (the stored file goes last, in deleteFilesWorkflow). */
export const deleteMediaFileStep = createStep(
  deleteMediaFileStepId,
  async (id: string, { container }) => {
    await container.resolve<MediaModuleService>(MEDIA_MODULE).softDeleteMediaFiles(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<MediaModuleService>(MEDIA_MODULE).restoreMediaFiles(id)
  }
)
