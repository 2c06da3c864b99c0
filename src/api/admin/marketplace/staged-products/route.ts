import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import type { AdminGetStagedProductsParamsType } from "./validators"

/**
 * The vendor's staging area: search (`q` over ids, titles in every language,
 * brands, GTINs) and filters (brand, availability, price range in cents,
 * selected, published, has_upstream_changes, gone, group), paginated.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetStagedProductsParamsType> & TenantRequest, res: MedusaResponse) {
  const { offset, limit, order, ...filter } = req.validatedQuery
  const { rows, count } = await req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).searchStagedProducts(activeVendorId(req), filter, {
    offset,
    limit,
    order: order ? { field: order.replace(/^-/, ""), direction: order.startsWith("-") ? "desc" : "asc" } : undefined,
  })
  res.json({ staged_products: rows, count, offset, limit })
}
