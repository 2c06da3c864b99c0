import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyVendorDomainWorkflow } from "../../../../../../workflows/tenancy/workflows/vendor-domains"
import { activeVendorId, type TenantRequest } from "../../../../../tenancy/context"

/**
 * POST /admin/vendor/domains/:domain_id/verify — checks the TXT record now. Only the DNS counts here:
 * vouching for a domain without it is the platform's (POST /admin/vendors/:id/domains/:domain_id/verify).
 */
export async function POST(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  const { result: domain } = await verifyVendorDomainWorkflow(req.scope).run({
    input: { vendor_id: activeVendorId(req), domain_id: req.params.domain_id },
  })
  res.json({ domain })
}
