import type Medusa from "@medusajs/js-sdk"
import type { Shop } from "./shop.server"
import { type SearchAnswer, type SearchFilters, searchQuery } from "./search"

/**
 * One page of the shop's search with its facet counts: `GET /store/search/products` (Medusa's search module; the
 * backend scopes it to the shop of the key). The shopper's language picks the texts searched and shown.
 */
export async function shopSearch(
  sdk: Medusa,
  shop: Shop,
  filters: SearchFilters,
  page: number,
  pageSize: number,
): Promise<SearchAnswer> {
  return await sdk.client.fetch<SearchAnswer>("/store/search/products", {
    query: searchQuery(filters, page, pageSize, shop.lang),
  })
}
