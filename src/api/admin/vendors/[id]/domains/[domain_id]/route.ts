import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeVendorDomainWorkflow } from "../../../../../../workflows/tenancy/workflows/vendor-domains"

/** DELETE /admin/vendors/:id/domains/:domain_id — the shop stops answering there. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await removeVendorDomainWorkflow(req.scope).run({ input: { vendor_id: req.params.id, domain_id: req.params.domain_id } })
  res.json({ id: req.params.domain_id, object: "vendor_domain", deleted: true })
}
