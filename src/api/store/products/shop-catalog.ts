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
  price: "lowest.amount", // pageByPrice
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
 * The page's ids by price (see CatalogQuery): every product of `shop` (a CTE of the filtered list) priced at once —
 * each live variant's base price in the currency, a region price (one `region_id` rule naming the region) over a
 * rule-less one (Medusa's "most rules first"; a price's rules_count NULL matches nothing, as in Medusa's SQL), then
 * the product's minimum. Set-based on purpose: a per-product LATERAL took ~1.2 s at 10k products on a busy machine,
 * this ~0.1–0.2 s (hash joins; the currency is bound, as a subquery it misled the planner's row estimates).
 */
const PRICE_PAGE = `WITH shop AS (SELECT p.id __FROM__),
variant_price AS (
  SELECT DISTINCT ON (v.id) v.product_id, pr.amount
  FROM shop
  JOIN product_variant v ON v.product_id = shop.id AND v.deleted_at IS NULL
  JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
  JOIN price pr ON pr.price_set_id = vps.price_set_id AND pr.deleted_at IS NULL AND pr.price_list_id IS NULL
    AND pr.currency_code = :currency_code AND (pr.min_quantity IS NULL OR pr.min_quantity <= 1)
  WHERE pr.rules_count = 0 OR (pr.rules_count = 1 AND EXISTS (SELECT 1 FROM price_rule prr WHERE prr.price_id = pr.id
    AND prr.deleted_at IS NULL AND prr.attribute = 'region_id' AND prr.value = :region_id))
  ORDER BY v.id, pr.rules_count DESC, pr.amount ASC
),
lowest AS (SELECT product_id, min(amount) AS amount FROM variant_price GROUP BY product_id)
SELECT shop.id FROM shop LEFT JOIN lowest ON lowest.product_id = shop.id
ORDER BY lowest.amount __DIR__ NULLS LAST, shop.id __DIR__ LIMIT :limit OFFSET :offset`

async function pageByPrice(knex: Knex, from: string, bindings: Record<string, unknown>, cq: CatalogQuery): Promise<string[]> {
  const region = await knex.raw("SELECT currency_code FROM region WHERE id = :id AND deleted_at IS NULL", { id: cq.region_id })
  const currency = (region.rows[0] as { currency_code?: string } | undefined)?.currency_code ?? null
  const dir = cq.order.desc ? "DESC" : "ASC"
  const sql = PRICE_PAGE.replace("__FROM__", from).replace(/__DIR__/g, dir)
  const r = await knex.raw(sql, { ...bindings, currency_code: currency, region_id: cq.region_id, limit: cq.limit, offset: cq.offset })
  return (r.rows as { id: string }[]).map((row) => row.id)
}

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
  const from = `FROM product_sales_channel psc JOIN product p ON p.id = psc.product_id WHERE ${where.join(" AND ")}`
  const dir = cq.order.desc ? "DESC" : "ASC"
  // By id: the link's (sales_channel_id, product_id) index gives the shop's ids in order (src/migration-scripts).
  const orderBy = cq.order.column === "id" ? `psc.product_id ${dir}` : `${ORDER_COLUMNS[cq.order.column]} ${dir}, p.id ${dir}`
  // Independent queries: two pool connections, side by side.
  const count = knex.raw(`SELECT count(*)::int AS count ${from}`, bindings).then((r) => (r.rows[0] as { count: number }).count)
  const ids =
    cq.order.column === "price"
      ? pageByPrice(knex, from, bindings, cq)
      : knex
          .raw(`SELECT psc.product_id AS id ${from} ORDER BY ${orderBy} LIMIT :limit OFFSET :offset`, { ...bindings, limit: cq.limit, offset: cq.offset })
          .then((r) => (r.rows as { id: string }[]).map((row) => row.id))
  count.catch(() => undefined) // awaited later; a failure must not be an unhandled rejection meanwhile
  return { ids, count }
}
