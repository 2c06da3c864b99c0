import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * A shop's catalog page in SQL: the ids of one page of the published products in
 * a sales channel, and how many there are, with the Store API's list filters.
 *
 * Why: Medusa's GET /store/products turns the key's sales channel into a product
 * id filter by loading EVERY product id of the channel through the link module
 * (`maybeApplyLinkFilter`), then lists and counts products with an `IN (…)` of
 * those ids. At 10k products that is 10k link rows hydrated, two ~160 kB SQL
 * statements built, and Postgres planning each for ~75 ms (EXPLAIN ANALYZE:
 * planning 73 + 83 ms, execution 43 + 28 ms), ~900 ms a page. Here the channel
 * is a join, so Postgres does the filtering, ordering, paging and counting.
 *
 * The semantics are Medusa's (read from the SQL its product module runs):
 * `q` is `ILIKE '%q%'` on the product's title/subtitle/description or a live
 * variant's title/sku/barcode/ean/upc; categories and tags by membership;
 * collection, type, id, handle and title by equality; the default order is id.
 * Ties of a non-unique order are broken by id, so pages never overlap.
 *
 * `order=price` / `-price` (Maart's, Medusa cannot order by price) needs `region_id`
 * and orders by a product's **lowest variant price in the region's currency**: per
 * live variant the base price Medusa's pricing would pick for that region — no price
 * list, min_quantity ≤ 1, every price rule a `region_id` rule naming the region (or
 * none), the most rules first, then the lowest amount — and the product's minimum of
 * those. Price lists (sales, customer-group prices) do not move a product; products
 * with no price in the currency come last both ways.
 */
export type CatalogQuery = {
  limit: number
  offset: number
  order: { column: OrderColumn; desc: boolean }
  q?: string
  id?: string[]
  handle?: string[]
  title?: string[]
  category_id?: string[]
  collection_id?: string[]
  tag_id?: string[]
  type_id?: string[]
  /** The region whose currency `order=price` reads. */
  region_id?: string
}

// The product columns a catalog is ordered by; anything else takes Medusa's own path.
const ORDER_COLUMNS = {
  id: "p.id",
  title: "p.title",
  handle: "p.handle",
  created_at: "p.created_at",
  updated_at: "p.updated_at",
  price: "lowest.amount",
}
type OrderColumn = keyof typeof ORDER_COLUMNS

const LIST_FILTERS = ["id", "handle", "title", "category_id", "collection_id", "tag_id", "type_id"] as const
// Read by Medusa's middlewares (fields, pricing and tax context), not filters: passed through untouched.
const PASS_THROUGH = new Set(["fields", "region_id", "country_code", "province", "cart_id"])
const DEFAULT_LIMIT = 50 // Medusa's listProductQueryConfig.defaultLimit

const strings = (v: unknown): string[] | null =>
  typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null
const count = (v: unknown): number | null => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null)

/**
 * The query of a GET /store/products the fast path can answer exactly, or null
 * (any other parameter, operator or nesting): Medusa then answers as always.
 */
export function parseCatalogQuery(query: Record<string, unknown>): CatalogQuery | null {
  const out: CatalogQuery = { limit: DEFAULT_LIMIT, offset: 0, order: { column: "id", desc: false } }
  for (const [key, value] of Object.entries(query)) {
    if (PASS_THROUGH.has(key)) {
      continue
    }
    if (key === "limit" || key === "offset") {
      const n = count(value)
      // limit=0 is left to Medusa, whatever it makes of it.
      if (n === null || (key === "limit" && n === 0)) return null
      out[key] = n
    } else if (key === "order") {
      const m = typeof value === "string" ? /^(-?)([a-z_]+)$/.exec(value) : null
      if (!m || !(m[2] in ORDER_COLUMNS)) return null
      out.order = { column: m[2] as OrderColumn, desc: m[1] === "-" }
    } else if (key === "q") {
      if (typeof value !== "string") return null
      out.q = value
    } else if ((LIST_FILTERS as readonly string[]).includes(key)) {
      const list = strings(value)
      if (!list) return null
      out[key as (typeof LIST_FILTERS)[number]] = list
    } else {
      return null
    }
  }
  if (out.order.column === "price") {
    if (typeof query.region_id !== "string" || !query.region_id) return null
    out.region_id = query.region_id
  }
  return out
}

/**
 * A product's lowest variant price in the region's currency (see CatalogQuery), as a LATERAL join `lowest`.
 * Mirrors the base-price part of Medusa's PricingRepository.calculatePrices for a region-only context.
 */
const PRICE_JOIN = `LEFT JOIN LATERAL (
  SELECT min(vp.amount) AS amount
  FROM product_variant v
  JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
  CROSS JOIN LATERAL (
    SELECT pr.amount FROM price pr
    WHERE pr.price_set_id = vps.price_set_id AND pr.deleted_at IS NULL AND pr.price_list_id IS NULL
      AND pr.currency_code = (SELECT r.currency_code FROM region r WHERE r.id = :region_id AND r.deleted_at IS NULL)
      AND (pr.min_quantity IS NULL OR pr.min_quantity <= 1)
      AND COALESCE(pr.rules_count, 0) = (SELECT count(*) FROM price_rule prr WHERE prr.price_id = pr.id
        AND prr.deleted_at IS NULL AND prr.attribute = 'region_id' AND prr.value = :region_id)
    ORDER BY COALESCE(pr.rules_count, 0) DESC, pr.amount ASC
    LIMIT 1
  ) vp
  WHERE v.product_id = p.id AND v.deleted_at IS NULL
) lowest ON true`

/**
 * One page of a sales channel's published products: `ids` in order, and `count`
 * (the whole list) as a promise of its own — it costs more than the page (it
 * visits every matching product), so the caller can let it run while Medusa
 * fetches the page.
 */
export function shopCatalogPage(knex: Knex, salesChannelId: string, cq: CatalogQuery) {
  const where = [
    "psc.sales_channel_id = :channel",
    "psc.deleted_at IS NULL",
    "p.deleted_at IS NULL",
    "p.status = 'published'",
  ]
  const bindings: Record<string, unknown> = { channel: salesChannelId }
  if (cq.q) {
    bindings.q = `%${cq.q}%` // Medusa does not escape % and _ in q either
    where.push(`(p.title ILIKE :q OR p.subtitle ILIKE :q OR p.description ILIKE :q OR EXISTS (
      SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL
        AND (v.title ILIKE :q OR v.sku ILIKE :q OR v.barcode ILIKE :q OR v.ean ILIKE :q OR v.upc ILIKE :q)))`)
  }
  const column = { id: "p.id", handle: "p.handle", title: "p.title", collection_id: "p.collection_id", type_id: "p.type_id" } as const
  for (const key of ["id", "handle", "title", "collection_id", "type_id"] as const) {
    if (cq[key]) {
      bindings[key] = cq[key]
      where.push(`${column[key]} = ANY(:${key}::text[])`)
    }
  }
  if (cq.category_id) {
    bindings.category_id = cq.category_id
    where.push("EXISTS (SELECT 1 FROM product_category_product pc WHERE pc.product_id = p.id AND pc.product_category_id = ANY(:category_id::text[]))")
  }
  if (cq.tag_id) {
    bindings.tag_id = cq.tag_id
    where.push("EXISTS (SELECT 1 FROM product_tags pt WHERE pt.product_id = p.id AND pt.product_tag_id = ANY(:tag_id::text[]))")
  }
  const tables = "FROM product_sales_channel psc JOIN product p ON p.id = psc.product_id"
  const from = `${tables} WHERE ${where.join(" AND ")}`
  const dir = cq.order.desc ? "DESC" : "ASC"
  // By id: the link's (sales_channel_id, product_id) index gives the shop's ids in order (src/migration-scripts).
  const orderBy =
    cq.order.column === "id"
      ? `psc.product_id ${dir}`
      : `${ORDER_COLUMNS[cq.order.column]} ${dir}${cq.order.column === "price" ? " NULLS LAST" : ""}, p.id ${dir}`
  // Only the page's query needs prices; the count does not.
  const join = cq.order.column === "price" ? PRICE_JOIN : ""
  const pageFrom = join ? `${tables} ${join} WHERE ${where.join(" AND ")}` : from
  // Independent queries: two pool connections, side by side.
  const count = knex.raw(`SELECT count(*)::int AS count ${from}`, bindings).then((r) => (r.rows[0] as { count: number }).count)
  const ids = knex
    .raw(`SELECT psc.product_id AS id ${pageFrom} ORDER BY ${orderBy} LIMIT :limit OFFSET :offset`, {
      ...bindings,
      ...(join ? { region_id: cq.region_id } : {}),
      limit: cq.limit,
      offset: cq.offset,
    })
    .then((r) => (r.rows as { id: string }[]).map((row) => row.id))
  count.catch(() => undefined) // awaited later; a failure must not be an unhandled rejection meanwhile
  return { ids, count }
}
