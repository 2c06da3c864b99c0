import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * `npm run search:reindex [-- --vendor <handle>]`: rebuilds the product search index (docs/search.md) with
 * Medusa's search module. The whole index is rebuilt into a new version and swapped in when complete
 * (searches keep answering from the old one meanwhile); `--vendor` re-indexes one vendor's products in place.
 * Prints a progress line every second: documents written, of how many, docs/s.
 */
export default async function searchReindex({ container, args }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve(Modules.SEARCH) as any
  const at = args.indexOf("--vendor")
  const handle = at >= 0 ? args[at + 1] : undefined
  if (at >= 0 && !handle) throw new Error("--vendor needs a vendor handle")

  let filters: Record<string, unknown> | undefined
  let total: number
  if (handle) {
    const vendor = (await knex.raw("SELECT id FROM vendor WHERE handle = ? AND deleted_at IS NULL", [handle.toLowerCase()])).rows[0]
    if (!vendor) throw new Error(`No vendor with the handle "${handle}"`)
    const ids = (await knex.raw("SELECT product_id FROM tenancy_vendor_product_product WHERE vendor_id = ? AND deleted_at IS NULL", [vendor.id])).rows.map((r: { product_id: string }) => r.product_id)
    if (!ids.length) {
      logger.info(`search:reindex: ${handle} has no products`)
      return
    }
    filters = { id: ids }
    total = ids.length
  } else {
    total = (await knex.raw("SELECT count(*)::int AS n FROM product WHERE deleted_at IS NULL")).rows[0].n
  }

  const started = Date.now()
  // Only this run's sync records: those created after the last one before it.
  const since = (await knex.raw("SELECT coalesce(max(created_at), 'epoch'::timestamptz) AS t FROM search_index_sync")).rows[0].t
  let done = 0
  const progress = async () => {
    // The module counts what its seed wrote on the sync record of this run.
    // The module counts what its seed wrote on the sync records of this run (the rebuild, then a catch-up).
    const row = (await knex.raw("SELECT max(documents_synced) AS n FROM search_index_sync WHERE created_at > ?", [since])).rows[0]
    done = Math.max(done, Number(row?.n ?? 0))
    const seconds = (Date.now() - started) / 1000
    process.stdout.write(`\rsearch:reindex ${handle ?? "all vendors"}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} products, ${Math.round(done / Math.max(seconds, 0.001))} docs/s, ${seconds.toFixed(0)} s   `)
    return done
  }
  const timer = setInterval(() => void progress().catch(() => undefined), 1000)
  try {
    await search.reindex({ index: "product", ...(filters ? { filters } : {}) })
  } finally {
    clearInterval(timer)
  }
  await progress()
  process.stdout.write("\n")
  // The Postgres provider rebuilds into a new table: without statistics its planner ignores the full-text index.
  const tables = (await knex.raw("SELECT table_name FROM search_postgres_index").catch(() => ({ rows: [] }))).rows as { table_name: string }[]
  for (const { table_name } of tables) {
    await knex.raw("ANALYZE ??", [table_name])
  }
  logger.info(`search:reindex: ${done} products indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
