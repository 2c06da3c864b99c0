import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeVendorDomainWorkflow } from "../../../../../workflows/tenancy/workflows/vendor-domains"
import { activeVendorId, type TenantRequest } from "../../../../tenancy/context"

/** DELETE /admin/vendor/domains/:domain_id — the active vendor's shop stops answering there (another vendor's: 404). */
export async function DELETE(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  await removeVendorDomainWorkflow(req.scope).run({ input: { vendor_id: activeVendorId(req), domain_id: req.params.domain_id } })
  res.json({ id: req.params.domain_id, object: "vendor_domain", deleted: true })
}
