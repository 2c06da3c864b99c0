import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verificationRecord } from "../../../../workflows/tenancy/steps/verify-vendor-domain"
import { addVendorDomainWorkflow } from "../../../../workflows/tenancy/workflows/vendor-domains"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import type { AdminAddActiveVendorDomainType } from "../validators"

/** POST /admin/vendor/domains — a custom domain for the active vendor, with the DNS record that verifies it. */
export async function POST(req: AuthenticatedMedusaRequest<AdminAddActiveVendorDomainType> & TenantRequest, res: MedusaResponse) {
  const { result: domain } = await addVendorDomainWorkflow(req.scope).run({
    input: { vendor_id: activeVendorId(req), hostname: req.validatedBody.hostname },
  })
  res.status(201).json({ domain, verification: verificationRecord(domain.hostname, domain.verification_token ?? "") })
}
