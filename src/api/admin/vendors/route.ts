import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createVendorWorkflow } from "../../../workflows/tenancy/workflows/create-vendor"
import { refetchVendor } from "./helpers"
import type { AdminCreateVendorType, AdminGetVendorsParamsType } from "./validators"

/** Platform admins: vendors, with search (`q`), status filter and pagination. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetVendorsParamsType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: vendors, metadata } = await query.graph({
    entity: "vendor",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ vendors, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}

/** Platform admins: provision a vendor's whole shop (see createVendorWorkflow). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateVendorType>, res: MedusaResponse) {
  const { result } = await createVendorWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ vendor: await refetchVendor(req, result.vendor.id) })
}
