import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verificationRecord } from "../../../../../workflows/tenancy/steps/verify-vendor-domain"
import { addVendorDomainWorkflow } from "../../../../../workflows/tenancy/workflows/vendor-domains"
import type { AdminAddVendorDomainType } from "../../validators"

/** POST /admin/vendors/:id/domains — a custom domain, with the DNS record that verifies it. */
export async function POST(req: AuthenticatedMedusaRequest<AdminAddVendorDomainType>, res: MedusaResponse) {
  const { result: domain } = await addVendorDomainWorkflow(req.scope).run({
    input: { vendor_id: req.params.id, hostname: req.validatedBody.hostname },
  })
  res.status(201).json({ domain, verification: verificationRecord(domain.hostname, domain.verification_token ?? "") })
}
