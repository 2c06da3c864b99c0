import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchProducts } from "../../../../search/_product-query"
import type { VendorScope } from "../../../tenancy/context"
import type { ProductSearchParamsType } from "../validators"

type ShopSearchRequest = MedusaRequest & { shop?: VendorScope; validatedQuery: ProductSearchParamsType; locale?: string }

/**
 * A shop's product search: the key's shop, published, in its channel — set here from the tenancy guard's
 * `req.shop`, never from the query. Facets: categories, brands, price ranges, stock. Language-aware when the
 * shopper's language is known (`lang`, else `x-medusa-locale`).
 */
export async function GET(req: ShopSearchRequest, res: MedusaResponse) {
  const { q, lang, ...filters } = req.validatedQuery
  const shop = req.shop!
  const answer = await searchProducts(req.scope, {
    ...filters,
    q,
    lang: lang ?? (req.headers["x-medusa-locale"] as string | undefined) ?? null,
    scope: { vendor_id: shop.vendor_id, sales_channel_id: shop.sales_channel_id, statuses: ["published"] },
  })
  res.setHeader("x-maart-search", answer.source)
  res.json(answer)
}
