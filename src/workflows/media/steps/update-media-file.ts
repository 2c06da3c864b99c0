import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEDIA_MODULE } from "../../../modules/media"
import type MediaModuleService from "../../../modules/media/service"

export type MediaFileChange = { id: string; alt: string | null }

export const updateMediaFileStepId = "update-media-file"

/** Changes a file's alt text; compensation puts the previous text back. */
export const updateMediaFileStep = createStep(
  updateMediaFileStepId,
  async (change: MediaFileChange, { container }) => {
    const media = container.resolve<MediaModuleService>(MEDIA_MODULE)
    const before = await media.retrieveMediaFile(change.id, { select: ["id", "alt"] })
    const updated = await media.updateMediaFiles({ id: change.id, alt: change.alt })
    return new StepResponse(updated, { id: before.id, alt: before.alt ?? null })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<MediaModuleService>(MEDIA_MODULE).updateMediaFiles(before)
  }
)
