/** Shop search types and pure helpers: the search page's filters ↔ URL ↔ `GET /store/search/products`. */
import type { CatalogProduct } from "./catalog"

/** One hit of the shop search (docs/search.md: prices in currency units, the price range of the variants). */
export type SearchHit = {
  id: string
  handle: string
  title: string
  thumbnail?: string | null
  brand?: string | null
  price_min?: number | null
  price_max?: number | null
  currency_code?: string | null
  in_stock?: boolean | null
}
export type ValueFacet = { values: { value: string; count: number }[] }
export type RangeFacet = {
  ranges: { key: string; from?: number; to?: number; count: number }[]
}
export type SearchFacets = {
  category_ids?: ValueFacet
  brand?: ValueFacet
  in_stock?: ValueFacet
  price_min?: RangeFacet
}
export type SearchAnswer = {
  products: SearchHit[]
  count: number
  facets: SearchFacets
}

/** The filters the page offers: one category, one brand, one price range (`25-50`, `250+`), in stock only. */
export type SearchFilters = {
  q: string
  category: string
  brand: string
  price: string
  inStock: boolean
}

export function parseSearchFilters(params: URLSearchParams): SearchFilters {
  const one = (name: string, max = 200) => (params.get(name) ?? "").trim().slice(0, max)
  return {
    q: one("q"),
    category: one("category_id", 100),
    brand: one("brand"),
    price: one("price", 20),
    inStock: params.get("in_stock") === "1",
  }
}

/** A price range key of the facet (`25-50`, `0-25`, `250+`) as bounds; anything else is no bound. */
export function priceBounds(key: string): {
  price_min?: number
  price_max?: number
} {
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?)|\+)$/.exec(key)
  if (!m) return {}
  return {
    price_min: Number(m[1]),
    ...(m[2] ? { price_max: Number(m[2]) } : {}),
  }
}

/** The Store API query of a page of results, facets included. */
export function searchQuery(
  filters: SearchFilters,
  page: number,
  pageSize: number,
  lang: string,
): Record<string, string | number | boolean> {
  return {
    q: filters.q,
    lang,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(filters.category ? { category_id: filters.category } : {}),
    ...(filters.brand ? { brand: filters.brand } : {}),
    ...priceBounds(filters.price),
    ...(filters.inStock ? { in_stock: true } : {}),
  }
}

/** The URL parameters of the filters (links, pagination): only what is set. */
export function filterParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams({ q: filters.q })
  if (filters.category) params.set("category_id", filters.category)
  if (filters.brand) params.set("brand", filters.brand)
  if (filters.price) params.set("price", filters.price)
  if (filters.inStock) params.set("in_stock", "1")
  return params
}

/** A hit as a product card: its price range becomes the two prices the card's "from" reads. */
export function hitToProduct(hit: SearchHit): CatalogProduct {
  const price = (amount: number | null | undefined, id: string) =>
    typeof amount === "number"
      ? [
          {
            id,
            title: null,
            calculated_price: {
              calculated_amount: amount,
              currency_code: hit.currency_code ?? null,
            },
          },
        ]
      : []
  return {
    id: hit.id,
    handle: hit.handle,
    title: hit.title,
    thumbnail: hit.thumbnail ?? null,
    variants: [
      ...price(hit.price_min, `${hit.id}-min`),
      ...(hit.price_max !== hit.price_min ? price(hit.price_max, `${hit.id}-max`) : []),
    ],
  }
}
