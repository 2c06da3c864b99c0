import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_LANGUAGES, type SearchLanguage } from "./_product-document"

/**
 * One product search of one vendor's catalog, for the store route (the shop's published products in its
 * channel) and the vendor's admin route (every status). The scope (`vendor_id`, channel, statuses) is
 * ANDed onto whatever the caller filters by, so it can narrow but never widen.
 */
export type ProductSearchInput = {
  scope: { vendor_id: string; sales_channel_id?: string | null; statuses: string[] }
  q?: string
  lang?: string | null
  category_id?: string[]
  brand?: string[]
  price_min?: number
  price_max?: number
  in_stock?: boolean
  /** Facet counts (categories, brands, stock, price ranges) with the hits; false skips them (a next page). */
  facets?: boolean
  limit: number
  offset: number
}

export type ProductSearchAnswer = {
  products: Record<string, unknown>[]
  count: number
  offset: number
  limit: number
  facets: Record<string, unknown>
  language: SearchLanguage | null
  /** "search" (the search module) or "fallback" (Postgres tables: the engine did not answer). */
  source: "search" | "fallback"
}

/** Price buckets for the price-range facet, in the catalog currency's units. */
export const PRICE_RANGES = [
  { key: "0-25", to: 25 },
  { key: "25-50", from: 25, to: 50 },
  { key: "50-100", from: 50, to: 100 },
  { key: "100-250", from: 100, to: 250 },
  { key: "250+", from: 250 },
]

const BASE_SEARCH_ON = ["title", "subtitle", "description", "folded", "brand", "category_names", "options", "skus"]
const RETURNED = ["id", "vendor_id", "status", "handle", "thumbnail", "title", "subtitle", "description", "brand", "category_ids", "price_min", "price_max", "currency_code", "in_stock"]

/** The shopper's language, when it is one the index holds texts for (`de-LU` → `de`). */
export function searchLanguage(raw?: string | null): SearchLanguage | null {
  const lang = raw?.trim().toLowerCase().slice(0, 2)
  return (SEARCH_LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as SearchLanguage) : null
}

function scopeFilters(input: ProductSearchInput) {
  const and: Record<string, unknown>[] = [{ vendor_id: input.scope.vendor_id }, { status: { $in: input.scope.statuses } }]
  if (input.scope.sales_channel_id) and.push({ sales_channel_ids: input.scope.sales_channel_id })
  if (input.category_id?.length) and.push({ category_ids: { $in: input.category_id } })
  if (input.brand?.length) and.push({ brand: { $in: input.brand } })
  if (input.price_min != null) and.push({ price_max: { $gte: input.price_min } })
  if (input.price_max != null) and.push({ price_min: { $lte: input.price_max } })
  if (input.in_stock != null) and.push({ in_stock: input.in_stock })
  return and
}

export async function searchProducts(container: MedusaContainer, input: ProductSearchInput): Promise<ProductSearchAnswer> {
  const lang = searchLanguage(input.lang)
  const q = input.q?.trim() || undefined
  const searchModule = container.resolve(Modules.SEARCH) as any
  // Language-aware: the shopper's language's texts rank with the default ones; the others are left out.
  const searchOn = lang ? [...BASE_SEARCH_ON, `title_${lang}`, `description_${lang}`] : undefined
  const run = (typo: boolean, strategy: "all" | "any" = "all") =>
    searchModule.search({
      entity: "product",
      fields: lang ? [...RETURNED, `title_${lang}`, `description_${lang}`] : RETURNED,
      filters: { ...(q ? { q } : {}), $and: scopeFilters(input) },
      pagination: { skip: input.offset, take: input.limit },
      search_options: {
        typo_tolerance: typo,
        match_strategy: strategy,
        ...(searchOn ? { attributes_to_search_on: searchOn } : {}),
        ...(input.facets === false
          ? {}
          : {
              facets: [
                { field: "category_ids", type: "value", limit: 50 },
                { field: "brand", type: "value", limit: 50 },
                { field: "in_stock", type: "value" },
                { field: "price_min", type: "range", ranges: PRICE_RANGES },
              ],
            }),
      },
    })
  try {
    // Exact words first, all of them, then any of them (best ranked first) — the full-text GIN index answers
    // both; only a query no word of which matches is asked again with typo tolerance, whose trigram similarity
    // has to visit every one of the shop's documents. (Meilisearch drops words the same way.)
    const none = (r: { hits: unknown[]; metadata?: { count?: number | null } }) => (r.metadata?.count ?? r.hits.length) === 0
    let result = await run(false)
    if (q && none(result) && q.split(/\s+/).length > 1) {
      result = await run(false, "any")
    }
    if (q && none(result)) {
      result = await run(true)
    }
    return {
      products: result.hits.map((hit: { document: Record<string, any> }) => localized(hit.document, lang)),
      count: result.metadata?.count ?? result.hits.length,
      offset: input.offset,
      limit: input.limit,
      facets: result.facets ?? {},
      language: lang,
      source: "search",
    }
  } catch (e) {
    if (!(e as { search_unavailable?: boolean }).search_unavailable) throw e
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`[search] ${(e as Error).message}; answering from Postgres`)
    return await fallbackSearch(container, input, q, lang)
  }
}

function localized(doc: Record<string, any>, lang: SearchLanguage | null) {
  const out = { ...doc }
  if (lang) {
    out.title = doc[`title_${lang}`] || doc.title
    out.description = doc[`description_${lang}`] || doc.description
    delete out[`title_${lang}`]
    delete out[`description_${lang}`]
  }
  return out
}

/**
 * While the search engine is down (Meilisearch), the product tables answer: accent-insensitive substring
 * match on titles, descriptions and SKUs, the same scope, no typo tolerance and no facets.
 */
async function fallbackSearch(container: MedusaContainer, input: ProductSearchInput, q: string | undefined, lang: SearchLanguage | null): Promise<ProductSearchAnswer> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const where = ["vp.vendor_id = :vendor", "vp.deleted_at IS NULL", "p.deleted_at IS NULL", "p.status = ANY(:statuses::text[])"]
  const bindings: Record<string, unknown> = { vendor: input.scope.vendor_id, statuses: input.scope.statuses }
  if (input.scope.sales_channel_id) {
    where.push("EXISTS (SELECT 1 FROM product_sales_channel psc WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = :channel)")
    bindings.channel = input.scope.sales_channel_id
  }
  if (q) {
    bindings.q = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(`(unaccent(p.title) ILIKE unaccent(:q) OR unaccent(coalesce(p.description, '')) ILIKE unaccent(:q)
      OR EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL AND v.sku ILIKE :q))`)
  }
  if (input.category_id?.length) {
    bindings.category_id = input.category_id
    where.push("EXISTS (SELECT 1 FROM product_category_product pc WHERE pc.product_id = p.id AND pc.product_category_id = ANY(:category_id::text[]))")
  }
  const from = `FROM tenancy_vendor_product_product vp JOIN product p ON p.id = vp.product_id WHERE ${where.join(" AND ")}`
  const [rows, total] = await Promise.all([
    knex.raw(`SELECT p.id, p.status, p.handle, p.thumbnail, p.title, p.subtitle, p.description ${from} ORDER BY p.title, p.id LIMIT :limit OFFSET :offset`, {
      ...bindings,
      limit: input.limit,
      offset: input.offset,
    }),
    knex.raw(`SELECT count(*)::int AS count ${from}`, bindings),
  ])
  return {
    products: (rows.rows as Record<string, unknown>[]).map((r) => ({ ...r, vendor_id: input.scope.vendor_id })),
    count: total.rows[0].count,
    offset: input.offset,
    limit: input.limit,
    facets: {},
    language: lang,
    source: "fallback",
  }
}

