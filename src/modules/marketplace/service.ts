import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import FeedConfig from "./models/feed-config"
import ImportJob from "./models/import-job"
import ImportRowError from "./models/import-row-error"
import PublishJob from "./models/publish-job"
import PublishOverride from "./models/publish-override"
import StagedProduct from "./models/staged-product"
import { StagingWriter, type StageBatchInput, type StageBatchResult, type StagingTarget } from "./staging/copy-batch"

export type { StageBatchInput, StageBatchResult, StagingTarget } from "./staging/copy-batch"

/** How staging is searched and filtered (the staging API and bulk selection share it). */
export type StagedProductFilter = {
  q?: string
  brand?: string[]
  availability?: string[]
  price_min?: number
  price_max?: number
  selected?: boolean
  published?: boolean
  has_upstream_changes?: boolean
  gone?: boolean
  group_id?: string
  ids?: string[]
}

/**
 * The Letzshop pipeline's records: import jobs with their row errors, and the
 * staging area. Staging is written in batches of raw SQL (one statement per
 * batch, never one ORM call per row).
 */
class MarketplaceModuleService extends MedusaService({ FeedConfig, ImportJob, ImportRowError, StagedProduct, PublishOverride, PublishJob }) {
  /**
   * Upserts a batch of one language's rows into a vendor's staging, by (vendor, feed id). New and
   * changed items count as imported; identical ones as unchanged (their "seen" mark still moves);
   * an id already seen in this run is a duplicate (not written); another language's typed fields
   * that disagree with the default language's are conflicts (the default language wins).
   */
  @InjectManager()
  async stageBatch(input: StageBatchInput, @MedusaContext() sharedContext: Context = {}): Promise<StageBatchResult> {
    const { rows, ...target } = input
    const writer = await this.openStagingWriter(target, 1, sharedContext)
    try {
      for (const { line, ...row } of rows) {
        await writer.add(row, line)
      }
      return await writer.send()
    } finally {
      await writer.close()
    }
  }

  /**
   * A writer that streams one language's rows into a vendor's staging batch by batch (see
   * StagingWriter), on its own pooled connections: two let one batch merge while the next loads.
   * `close()` it when done.
   */
  @InjectManager()
  async openStagingWriter(target: StagingTarget, connections = 2, @MedusaContext() sharedContext: Context = {}) {
    // COPY needs the driver's own connections, held for the writer's life.
    return StagingWriter.open((sharedContext.manager as any).getKnex().client, target, connections)
  }

  /** A vendor's staged products matching a filter, a page of them and how many there are in all. */
  @InjectManager()
  async searchStagedProducts(
    vendorId: string,
    filter: StagedProductFilter,
    page: { offset: number; limit: number; order?: { field: string; direction: "asc" | "desc" } },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = (sharedContext.manager as any).getKnex()
    const base = stagedWhere(knex("staged_product"), vendorId, filter)
    const [{ count }] = await base.clone().count({ count: "*" })
    const rows = await base
      .clone()
      .select("id", "external_id", "group_id", "title", "brand", "availability", "price_amount", "currency_code", "gtin", "selected",
        "published_product_id", "upstream_changed_at", "gone_at", "first_seen_at", "last_seen_at", "data_language",
        knex.raw("(SELECT coalesce(jsonb_agg(k ORDER BY k), '[]'::jsonb) FROM jsonb_object_keys(texts) k) AS languages"),
        knex.raw("data->'sale_price' AS sale_price"), knex.raw("data->'image_urls'->>0 AS thumbnail"))
      .orderBy(page.order?.field ?? "external_id", page.order?.direction ?? "asc")
      .offset(page.offset)
      .limit(page.limit)
    return { rows: rows.map((r: any) => ({ ...r, price_amount: r.price_amount === null ? null : Number(r.price_amount) })), count: Number(count) }
  }

  /** Selects or unselects, in one statement, a vendor's staged products matching a filter. Returns how many changed. */
  @InjectManager()
  async setStagedSelection(vendorId: string, filter: StagedProductFilter, selected: boolean, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as any).getKnex()
    return (await stagedWhere(knex("staged_product"), vendorId, filter)
      .whereNot("selected", selected)
      .update({ selected, updated_at: knex.fn.now() })) as number
  }

  /**
   * Sets a vendor's overrides for staged items (one per item; `null` clears a field). Only the
   * vendor's own items are touched; returns how many were.
   */
  async saveOverrides(
    vendorId: string,
    overrides: Record<string, { price_amount?: number | null; sale_price_amount?: number | null; titles?: Record<string, string> | null; descriptions?: Record<string, string> | null; status?: "draft" | "published" | null }>
  ) {
    const ids = Object.keys(overrides)
    if (!ids.length) {
      return 0
    }
    const own = await this.listStagedProducts({ id: ids, vendor_id: vendorId }, { select: ["id"] })
    const existing = new Map((await this.listPublishOverrides({ staged_product_id: own.map((s) => s.id) })).map((o) => [o.staged_product_id, o]))
    // Two calls for the whole set, not one per item.
    const updates = own.filter(({ id }) => existing.has(id)).map(({ id }) => ({ id: existing.get(id)!.id, ...overrides[id] }))
    const creates = own.filter(({ id }) => !existing.has(id)).map(({ id }) => ({ vendor_id: vendorId, staged_product_id: id, ...overrides[id] }))
    if (updates.length) {
      await this.updatePublishOverrides(updates)
    }
    if (creates.length) {
      await this.createPublishOverrides(creates)
    }
    return own.length
  }

  /**
   * Claims the import or publish jobs whose process died (queued or running, no heartbeat since
   * `staleBefore`) for a restart. Atomic: of several instances looking at once, one gets each job.
   */
  @InjectManager()
  async claimStaleJobs(table: "import_job" | "publish_job", staleBefore: Date, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE ?? SET heartbeat_at = now(), updated_at = now()
        WHERE deleted_at IS NULL AND status IN ('queued', 'running') AND COALESCE(heartbeat_at, created_at) < ?
        RETURNING id, run`,
      [table, staleBefore.toISOString()]
    )
    return rows as { id: string; run: number }[]
  }

  /**
   * Refreshes the planner's statistics of staging. A large import grows the table faster than
   * autovacuum notices (or it is off): without them the per-batch lookup of existing items scans a
   * vendor's whole staging instead of probing the unique index (4 s vs 4 ms per batch at 200k rows).
   */
  @InjectManager()
  async analyzeStaging(@MedusaContext() sharedContext: Context = {}) {
    await (sharedContext.manager as any).getKnex().raw("ANALYZE staged_product")
  }

  /** After a complete run of the default language: items it did not see are gone (kept, flagged). */
  @InjectManager()
  async markGone(input: { vendor_id: string; language: string; run_key: string }, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as any).getKnex()
    const { rowCount } = await knex.raw(
      `UPDATE staged_product SET gone_at = now(), updated_at = now()
        WHERE vendor_id = :vendor_id AND deleted_at IS NULL AND gone_at IS NULL
          AND (seen_runs->>:language) IS DISTINCT FROM :run_key`,
      input
    )
    return rowCount as number
  }

  /**
   * Adds one finished chunk to a publish job, in one statement: counters grow, skipped items (by
   * staged id) and the failed chunk (by number) are merged in, the heartbeat moves. Returns whether
   * a cancel was asked for meanwhile.
   */
  @InjectManager()
  async recordPublishChunk(
    jobId: string,
    chunk: { items: number; created: number; updated: number; published_items: number; skipped: PublishSkips; failed: PublishFailures },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = (sharedContext.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE publish_job SET chunks_done = chunks_done + 1, items_done = items_done + :items, created = created + :created,
              updated = updated + :updated, published_items = published_items + :published_items,
              skipped = skipped || :skipped::jsonb, failed = failed || :failed::jsonb, heartbeat_at = now(), updated_at = now()
        WHERE id = :id RETURNING cancel_requested_at`,
      { ...chunk, id: jobId, skipped: JSON.stringify(chunk.skipped), failed: JSON.stringify(chunk.failed) }
    )
    return { cancel_requested: !!rows[0]?.cancel_requested_at }
  }

  /**
   * Records the product each staged item became and the content hash it was published with (clearing
   * upstream changes): one statement for a publish chunk, where the ORM loads and updates row by row.
   */
  @InjectManager()
  async markStagedPublished(marks: { id: string; product_id: string; hash: string }[], @MedusaContext() sharedContext: Context = {}) {
    if (!marks.length) {
      return
    }
    await (sharedContext.manager as any).getKnex().raw(
      `UPDATE staged_product s SET published_product_id = m.product_id, published_hash = m.hash, upstream_changed_at = NULL, updated_at = now()
         FROM unnest(?::text[], ?::text[], ?::text[]) AS m(id, product_id, hash) WHERE s.id = m.id`,
      [marks.map((m) => m.id), marks.map((m) => m.product_id), marks.map((m) => m.hash)]
    )
  }

}

/** The staged items a publish left out, and why: staged id → reason. */
export type PublishSkips = Record<string, string>
/** The chunks whose workflow failed (and was compensated), by chunk number: their items, and the error. */
export type PublishFailures = Record<string, { staged_ids: string[]; code: string; message: string }>

/** The one translation of a staging filter into SQL conditions, always within the vendor. */
function stagedWhere(query: any, vendorId: string, f: StagedProductFilter) {
  query.where({ vendor_id: vendorId }).whereNull("deleted_at")
  if (f.ids) query.whereIn("id", f.ids)
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // Accents folded on both sides (a vendor types "creme" for "Crème"); ids and GTINs as typed.
    query.where((w: any) =>
      w.whereRaw("unaccent(title) ILIKE unaccent(?)", [like]).orWhereILike("external_id", like)
        .orWhereRaw("unaccent(coalesce(brand, '')) ILIKE unaccent(?)", [like]).orWhere("gtin", f.q)
        .orWhereRaw("unaccent(texts::text) ILIKE unaccent(?)", [like])
    )
  }
  if (f.brand?.length) query.whereIn("brand", f.brand)
  if (f.availability?.length) query.whereIn("availability", f.availability)
  if (f.price_min !== undefined) query.where("price_amount", ">=", f.price_min)
  if (f.price_max !== undefined) query.where("price_amount", "<=", f.price_max)
  if (f.selected !== undefined) query.where("selected", f.selected)
  if (f.published !== undefined) f.published ? query.whereNotNull("published_product_id") : query.whereNull("published_product_id")
  if (f.has_upstream_changes !== undefined) f.has_upstream_changes ? query.whereNotNull("upstream_changed_at") : query.whereNull("upstream_changed_at")
  if (f.gone !== undefined) f.gone ? query.whereNotNull("gone_at") : query.whereNull("gone_at")
  if (f.group_id) query.where("group_id", f.group_id)
  return query
}

export default MarketplaceModuleService
