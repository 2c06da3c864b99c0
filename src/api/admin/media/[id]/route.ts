import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteMediaFileWorkflow } from "../../../../workflows/media/workflows/delete-media-file"
import { updateMediaFileWorkflow } from "../../../../workflows/media/workflows/update-media-file"
import type { TenantRequest } from "../../../tenancy/context"
import { libraryVendorId, refetchMediaFile } from "../helpers"
import type { AdminUpdateMediaFileType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  res.json({ media_file: await refetchMediaFile(req, req.params.id) })
}

/** Changes the file's alt text. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateMediaFileType> & TenantRequest, res: MedusaResponse) {
  await updateMediaFileWorkflow(req.scope).run({ input: { id: req.params.id, vendor_id: libraryVendorId(req), alt: req.validatedBody.alt } })
  res.json({ media_file: await refetchMediaFile(req, req.params.id) })
}

/** Deletes the file and its record; 409 MEDIA_FILE_IN_USE while a product of the vendor shows it. */
export async function DELETE(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  await deleteMediaFileWorkflow(req.scope).run({ input: { id: req.params.id, vendor_id: libraryVendorId(req) } })
  res.json({ id: req.params.id, object: "media_file", deleted: true })
}
