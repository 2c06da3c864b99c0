import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchProducts } from "../../../search/_product-query"
import type { ProductSearchParamsType } from "../../store/search/validators"
import { activeVendorId, type TenantRequest } from "../../tenancy/context"

/**
 * The active vendor's catalog through the search index: every status (drafts included), the same query,
 * facets and typo/accent tolerance as the shop's search. The vendor comes from the tenancy context only.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ProductSearchParamsType> & TenantRequest, res: MedusaResponse) {
  const { q, lang, ...filters } = req.validatedQuery
  const answer = await searchProducts(req.scope, {
    ...filters,
    q,
    lang,
    scope: { vendor_id: activeVendorId(req), statuses: ["published", "draft", "proposed", "rejected"] },
  })
  res.setHeader("x-maart-search", answer.source)
  res.json(answer)
}
