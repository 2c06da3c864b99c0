import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyVendorDomainWorkflow } from "../../../../../../../workflows/tenancy/workflows/vendor-domains"
import type { AdminVerifyVendorDomainType } from "../../../../validators"

/** POST /admin/vendors/:id/domains/:domain_id/verify — checks the TXT record (or takes the admin's word). */
export async function POST(req: AuthenticatedMedusaRequest<AdminVerifyVendorDomainType>, res: MedusaResponse) {
  const { result: domain } = await verifyVendorDomainWorkflow(req.scope).run({
    input: { vendor_id: req.params.id, domain_id: req.params.domain_id, confirmed: req.validatedBody.confirmed },
  })
  res.json({ domain })
}
