import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * THE DASHBOARD'S SQL, in one place. Each function is one aggregate query over
 * Medusa's and Maart's tables, so a shop's figures cost the same whether it has
 * ten orders or a million (no order is loaded into Node). Tables read:
 *
 * - `order` (sales_channel_id, currency_code, status, version, created_at) — a
 *   vendor's orders are those of its sales channel, as for the tenancy guard;
 * - `order_summary.totals` — the totals Medusa computes and keeps per order
 *   version; `current_order_total` is the order's total now (items, shipping,
 *   taxes, discounts, edits), the same figure as `order.total` in the Admin API;
 * - `order_item` (quantity, unit price override, per order version) and
 *   `order_line_item` (product, title snapshot, unit price);
 * - `inventory_level` / `inventory_item`, and core's `product_variant_inventory_item` link;
 * - Maart's `import_job` and `publish_job`.
 *
 * Orders count when placed in the range (UTC days), are not drafts and not
 * canceled; canceled ones are only counted apart. Every value is bound.
 */

/** What the figures are about: the sales channels and warehouses of one or many vendors. */
export type StatsScope = { sales_channel_ids: string[]; stock_location_ids: string[]; vendor_ids: string[] }

/** The range as UTC timestamps: `start` inclusive, `end` exclusive (the day after `to`). */
export type StatsWindow = { start: string; end: string }

// Medusa keeps big numbers as {value, precision} next to a rounded number: the exact value first.
const ORDER_TOTAL = `COALESCE((s.totals->'raw_current_order_total'->>'value')::numeric, (s.totals->>'current_order_total')::numeric, 0)`

// Orders placed in the window in the scope's channels, drafts left out (canceled ones are filtered per query).
const PLACED = `o.sales_channel_id = ANY(:channels::text[])
    AND o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'draft'
    AND o.created_at >= :start AND o.created_at < :end`

// The summary of the order's current version.
const WITH_SUMMARY = `LEFT JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL`

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

/** Orders (not canceled), canceled orders and revenue per sales channel and currency. */
export async function ordersByChannel(knex: Knex, scope: StatsScope, window: StatsWindow) {
  const { rows } = await knex.raw(
    `SELECT o.sales_channel_id, o.currency_code,
            count(*) FILTER (WHERE o.status <> 'canceled') AS orders,
            count(*) FILTER (WHERE o.status = 'canceled') AS canceled,
            COALESCE(sum(${ORDER_TOTAL}) FILTER (WHERE o.status <> 'canceled'), 0) AS revenue
       FROM "order" o ${WITH_SUMMARY}
      WHERE ${PLACED}
      GROUP BY o.sales_channel_id, o.currency_code`,
    { channels: scope.sales_channel_ids, ...window }
  )
  return (rows as any[]).map((r) => ({
    sales_channel_id: r.sales_channel_id as string,
    currency_code: r.currency_code as string,
    orders: num(r.orders),
    canceled: num(r.canceled),
    revenue: num(r.revenue),
  }))
}

/** Orders and revenue per UTC day and currency (days without orders are absent). */
export async function ordersByDay(knex: Knex, scope: StatsScope, window: StatsWindow) {
  const { rows } = await knex.raw(
    `SELECT to_char((o.created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, o.currency_code,
            count(*) AS orders, COALESCE(sum(${ORDER_TOTAL}), 0) AS revenue
       FROM "order" o ${WITH_SUMMARY}
      WHERE ${PLACED} AND o.status <> 'canceled'
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    { channels: scope.sales_channel_ids, ...window }
  )
  return (rows as any[]).map((r) => ({ date: r.day as string, currency_code: r.currency_code as string, orders: num(r.orders), revenue: num(r.revenue) }))
}

/**
 * The best sellers: the top `limit` products by units sold (with their sales per currency), and
 * per currency the top `limit` by sales. A product's sales are its lines' quantity × unit price
 * (before order-level discounts, shipping and added tax; the order totals above include those).
 */
export async function topProducts(knex: Knex, scope: StatsScope, window: StatsWindow, limit: number) {
  const { rows } = await knex.raw(
    `WITH sold AS (
       SELECT li.product_id, o.currency_code, max(li.product_title) AS title, sum(oi.quantity) AS units,
              sum(oi.quantity * COALESCE(oi.unit_price, li.unit_price)) AS revenue
         FROM "order" o
         JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
         JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL AND li.product_id IS NOT NULL
        WHERE ${PLACED} AND o.status <> 'canceled'
        GROUP BY li.product_id, o.currency_code
     ), by_units AS (
       SELECT product_id, max(title) AS title, sum(units) AS units, jsonb_object_agg(currency_code, revenue) AS revenue
         FROM sold GROUP BY product_id ORDER BY sum(units) DESC, product_id LIMIT :limit
     ), by_revenue AS (
       SELECT *, row_number() OVER (PARTITION BY currency_code ORDER BY revenue DESC, product_id) AS rank FROM sold
     )
     SELECT 'units' AS ranking, NULL AS currency_code, product_id, title, units, revenue FROM by_units
     UNION ALL
     SELECT 'revenue', currency_code, product_id, title, units, to_jsonb(revenue) FROM by_revenue WHERE rank <= :limit`,
    { channels: scope.sales_channel_ids, ...window, limit }
  )
  const product = (r: any) => ({ product_id: r.product_id as string, title: r.title as string | null, units: num(r.units) })
  const byUnits = (rows as any[])
    .filter((r) => r.ranking === "units")
    .sort((a, b) => num(b.units) - num(a.units) || String(a.product_id).localeCompare(String(b.product_id)))
    .map((r) => ({ ...product(r), revenue: Object.fromEntries(Object.entries(r.revenue ?? {}).map(([c, v]) => [c, num(v)])) }))
  const byRevenue: Record<string, { product_id: string; title: string | null; units: number; revenue: number }[]> = {}
  for (const r of (rows as any[]).filter((r) => r.ranking === "revenue")) {
    ;(byRevenue[r.currency_code] ??= []).push({ ...product(r), revenue: num(r.revenue) })
  }
  for (const list of Object.values(byRevenue)) {
    list.sort((a, b) => b.revenue - a.revenue || a.product_id.localeCompare(b.product_id))
  }
  return { by_units: byUnits, by_revenue: byRevenue }
}

/**
 * Stock levels at the scope's warehouses whose available quantity (stocked − reserved) is at or
 * below `threshold`, lowest first: the first `limit`, how many there are in all, and for each the
 * variant and product it stocks (the first, when an item stocks several).
 */
export async function lowStock(knex: Knex, scope: StatsScope, threshold: number, limit: number) {
  const { rows } = await knex.raw(
    `WITH low AS (
       SELECT il.inventory_item_id, il.location_id, il.stocked_quantity, il.reserved_quantity,
              il.stocked_quantity - il.reserved_quantity AS available, ii.sku, ii.title, count(*) OVER () AS total
         FROM inventory_level il
         JOIN inventory_item ii ON ii.id = il.inventory_item_id AND ii.deleted_at IS NULL
        WHERE il.deleted_at IS NULL AND il.location_id = ANY(:locations::text[])
          AND il.stocked_quantity - il.reserved_quantity <= :threshold
        ORDER BY available, il.inventory_item_id, il.location_id
        LIMIT :limit
     )
     SELECT low.*, v.variant_id, v.variant_title, v.product_id, v.product_title
       FROM low
       LEFT JOIN LATERAL (
         SELECT pv.id AS variant_id, pv.title AS variant_title, p.id AS product_id, p.title AS product_title
           FROM product_variant_inventory_item pvi
           JOIN product_variant pv ON pv.id = pvi.variant_id AND pv.deleted_at IS NULL
           JOIN product p ON p.id = pv.product_id AND p.deleted_at IS NULL
          WHERE pvi.inventory_item_id = low.inventory_item_id AND pvi.deleted_at IS NULL
          ORDER BY pv.created_at, pv.id
          LIMIT 1
       ) v ON true
      ORDER BY low.available, low.inventory_item_id, low.location_id`,
    { locations: scope.stock_location_ids, threshold, limit }
  )
  return {
    count: rows.length ? num(rows[0].total) : 0,
    items: (rows as any[]).map((r) => ({
      inventory_item_id: r.inventory_item_id as string,
      sku: r.sku as string | null,
      title: r.title as string | null,
      location_id: r.location_id as string,
      stocked_quantity: num(r.stocked_quantity),
      reserved_quantity: num(r.reserved_quantity),
      available_quantity: num(r.available),
      variant_id: (r.variant_id ?? null) as string | null,
      variant_title: (r.variant_title ?? null) as string | null,
      product_id: (r.product_id ?? null) as string | null,
      product_title: (r.product_title ?? null) as string | null,
    })),
  }
}

const IMPORT_JOB_FIELDS = `id, vendor_id, status, source_kind, source_url, file_name, language, rows_done, rows_imported,
  rows_unchanged, rows_rejected, bytes_read, bytes_total, started_at, finished_at, error_code, error_message, created_at`
const PUBLISH_JOB_FIELDS = `id, vendor_id, status, items_total, items_done, created, updated, published_items,
  started_at, finished_at, error_code, error_message, created_at`

/** Import and publish jobs of the scope's vendors made in the window, counted by status. */
export async function jobsByStatus(knex: Knex, scope: StatsScope, window: StatsWindow) {
  const { rows } = await knex.raw(
    `SELECT 'import' AS kind, status, count(*) AS jobs FROM import_job
      WHERE deleted_at IS NULL AND vendor_id = ANY(:vendors::text[]) AND created_at >= :start AND created_at < :end GROUP BY status
     UNION ALL
     SELECT 'publish', status, count(*) FROM publish_job
      WHERE deleted_at IS NULL AND vendor_id = ANY(:vendors::text[]) AND created_at >= :start AND created_at < :end GROUP BY status`,
    { vendors: scope.vendor_ids, ...window }
  )
  return (rows as any[]).map((r) => ({ kind: r.kind as "import" | "publish", status: r.status as string, jobs: num(r.jobs) }))
}

/** The latest import job and the latest publish job of the scope's vendors, whenever they were made. */
export async function latestJobs(knex: Knex, scope: StatsScope) {
  const { rows } = await knex.raw(
    `(SELECT 'import' AS kind, to_jsonb(j) AS job FROM (SELECT ${IMPORT_JOB_FIELDS} FROM import_job
        WHERE deleted_at IS NULL AND vendor_id = ANY(:vendors::text[]) ORDER BY created_at DESC, id DESC LIMIT 1) j)
     UNION ALL
     (SELECT 'publish', to_jsonb(j) FROM (SELECT ${PUBLISH_JOB_FIELDS} FROM publish_job
        WHERE deleted_at IS NULL AND vendor_id = ANY(:vendors::text[]) ORDER BY created_at DESC, id DESC LIMIT 1) j)`,
    { vendors: scope.vendor_ids }
  )
  const of = (kind: string) => ((rows as any[]).find((r) => r.kind === kind)?.job ?? null) as Record<string, unknown> | null
  return { import: of("import"), publish: of("publish") }
}
