import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { MEDIA_MODULE } from "../../../modules/media"
import type MediaModuleService from "../../../modules/media/service"
import { productsUsingMedia } from "../used-in"

export type ValidateMediaFileInput = {
  id: string
  /** The acting vendor; null for a platform admin, who acts on any vendor's file. */
  vendor_id: string | null
  change: "update" | "delete"
}

export const validateMediaFileStepId = "validate-media-file"

/**
 * A file changed or deleted must be the vendor's (another vendor's id is reported
 * as missing), and a file still shown by one of its vendor's products — as
 * thumbnail or image — is not deleted: MEDIA_FILE_IN_USE names the products.
 * Returns the record.
 */
export const validateMediaFileStep = createStep(validateMediaFileStepId, async (input: ValidateMediaFileInput, { container }) => {
  const [file] = await container
    .resolve<MediaModuleService>(MEDIA_MODULE)
    .listMediaFiles({ id: input.id, ...(input.vendor_id ? { vendor_id: input.vendor_id } : {}) })
  if (!file) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No media file ${input.id}.`)
  }
  if (input.change === "delete") {
    const products = (await productsUsingMedia(container, file.vendor_id, [file.url])).get(file.url)!
    if (products.length) {
      throw maartError(
        "CONFLICT",
        ErrorCodes.MEDIA_FILE_IN_USE,
        `${file.filename} is still shown by ${products.length} product(s): ${products.map((p) => p.title).join(", ")}. Remove it from them first.`,
        { products }
      )
    }
  }
  return new StepResponse(file)
})
