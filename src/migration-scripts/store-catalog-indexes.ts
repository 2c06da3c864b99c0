import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Indexes for a shop's catalog page (src/api/store/products/shop-catalog.ts),
 * on tables Medusa owns. A migration script, not a module migration: Medusa runs
 * these once, after module migrations AND the link sync that creates
 * product_sales_channel (on a fresh database a Maart module migration would run
 * before that table exists). The link sync leaves extra indexes alone (checked:
 * `db:migrate` on a database with them kept them); re-check after Medusa upgrades.
 *
 * - product_sales_channel (sales_channel_id, product_id): a shop's product ids in
 *   id order straight from the index — the default order's pages, and the count.
 * - product (id) of live published products: the status check without reading
 *   product rows (the count joins 10k of them per page view).
 * - product_category_product (product_category_id, product_id): its primary key
 *   starts with product_id, so "products of category X" was a sequential scan.
 */
export default async function storeCatalogIndexes({ container }: ExecArgs) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(`CREATE INDEX IF NOT EXISTS "IDX_product_sales_channel_channel_product"
    ON product_sales_channel (sales_channel_id, product_id) WHERE deleted_at IS NULL`)
  await pg.raw(`CREATE INDEX IF NOT EXISTS "IDX_product_published_id"
    ON product (id) WHERE deleted_at IS NULL AND status = 'published'`)
  await pg.raw(`CREATE INDEX IF NOT EXISTS "IDX_product_category_product_category"
    ON product_category_product (product_category_id, product_id)`)
}
