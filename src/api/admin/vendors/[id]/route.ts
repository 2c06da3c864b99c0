import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateVendorWorkflow } from "../../../../workflows/tenancy/workflows/update-vendor"
import { refetchVendor } from "../helpers"
import type { AdminUpdateVendorType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ vendor: await refetchVendor(req, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateVendorType>, res: MedusaResponse) {
  await updateVendorWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ vendor: await refetchVendor(req, req.params.id) })
}
