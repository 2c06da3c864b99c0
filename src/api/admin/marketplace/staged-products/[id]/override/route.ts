import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { MARKETPLACE_MODULE } from "../../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../../modules/marketplace/service"
import { activeVendorId, type TenantRequest } from "../../../../../tenancy/context"
import type { PublishOverride } from "../../../publish/validators"

/** Sets the vendor's override of one staged item (kept across re-imports; applied at the next publish). */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof PublishOverride>> & TenantRequest, res: MedusaResponse) {
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  await marketplace.saveOverrides(activeVendorId(req), { [req.params.id]: req.validatedBody })
  const [override] = await marketplace.listPublishOverrides({ staged_product_id: req.params.id })
  res.json({ override })
}
