import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteVendorWorkflow } from "../../../../workflows/tenancy/workflows/delete-vendor"
import { updateVendorWorkflow } from "../../../../workflows/tenancy/workflows/update-vendor"
import { refetchVendor } from "../helpers"
import type { AdminDeleteVendorParamsType, AdminUpdateVendorType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ vendor: await refetchVendor(req, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateVendorType>, res: MedusaResponse) {
  await updateVendorWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ vendor: await refetchVendor(req, req.params.id) })
}

/** Deletes the vendor's shop (see deleteVendorWorkflow); `?force=true` when it has orders. */
export async function DELETE(req: AuthenticatedMedusaRequest<unknown, AdminDeleteVendorParamsType>, res: MedusaResponse) {
  const { force } = req.validatedQuery as AdminDeleteVendorParamsType
  await deleteVendorWorkflow(req.scope).run({ input: { id: req.params.id, force } })
  res.json({ id: req.params.id, object: "vendor", deleted: true })
}
