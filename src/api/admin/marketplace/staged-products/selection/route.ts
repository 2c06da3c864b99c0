import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { activeVendorId, type TenantRequest } from "../../../../tenancy/context"
import type { AdminSetStagedSelectionType } from "../validators"

/**
 * Selects (or unselects) staged products for publishing, by ids or by a
 * filter ("everything in stock under 20 €"), in one statement within the
 * vendor — ids of other vendors simply match nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetStagedSelectionType> & TenantRequest, res: MedusaResponse) {
  const { selected, ids, filter } = req.validatedBody
  const vendorId = activeVendorId(req)
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const changed = await marketplace.setStagedSelection(vendorId, ids ? { ids } : filter!, selected)
  const { count } = await marketplace.searchStagedProducts(vendorId, { selected: true }, { offset: 0, limit: 1 })
  res.json({ changed, selected_count: count })
}
