import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import type { StagedRow } from "./feed/normalize-row"
import FeedConfig from "./models/feed-config"
import ImportJob from "./models/import-job"
import ImportRowError from "./models/import-row-error"
import PublishJob from "./models/publish-job"
import PublishOverride from "./models/publish-override"
import StagedProduct from "./models/staged-product"

export type StageBatchInput = {
  vendor_id: string
  /** The language of the file these rows come from, and the vendor's default language. */
  language: string
  default_language: string
  /** This run of the job (`<job id>:<run>`): an id seen twice in one run is a duplicate. */
  run_key: string
  rows: (StagedRow & { line: number })[]
}

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

export type StageBatchResult = {
  imported: number
  unchanged: number
  duplicates: { line: number; external_id: string }[]
  conflicts: { line: number; external_id: string; fields: string[] }[]
}

// The typed fields, as compared across languages (text fields are per language).
const DATA_FIELDS = ["price", "sale_price", "gtin", "availability", "quantity", "brand", "group_id"] as const

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))

// SQL for the merged values of an upserted row: the typed fields come from the default language's
// file, or from whichever came first until it does; texts and raw rows merge per language.
const TAKE = `(EXCLUDED.data_language = :default_language OR staged_product.data_language IS DISTINCT FROM :default_language)`
const MERGED_TEXTS = `(staged_product.texts || EXCLUDED.texts)`
const MERGED_DATA = `(CASE WHEN ${TAKE} THEN EXCLUDED.data ELSE staged_product.data END)`
const MERGED_HASH = `md5(${MERGED_TEXTS}::text || ${MERGED_DATA}::text)`
const pick = (column: string) => `${column} = CASE WHEN ${TAKE} THEN EXCLUDED.${column} ELSE staged_product.${column} END`

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
    const knex = (sharedContext.manager as any).getKnex()
    const result: StageBatchResult = { imported: 0, unchanged: 0, duplicates: [], conflicts: [] }

    // Repeats inside the batch: the first occurrence wins.
    const seen = new Set<string>()
    const rows = input.rows.filter((row) => {
      if (seen.has(row.external_id)) {
        result.duplicates.push({ line: row.line, external_id: row.external_id })
        return false
      }
      seen.add(row.external_id)
      return true
    })
    const { rows: existing } = await knex.raw(
      `SELECT external_id, content_hash, data, data_language, seen_runs->>:language AS run
         FROM staged_product WHERE vendor_id = :vendor_id AND deleted_at IS NULL AND external_id = ANY(:ids)`,
      { vendor_id: input.vendor_id, language: input.language, ids: rows.map((r) => r.external_id) }
    )
    const before = new Map<string, { content_hash: string; data: Record<string, unknown>; data_language: string | null; run: string | null }>(
      existing.map((e: any) => [e.external_id, e])
    )
    const fresh = rows.filter((row) => {
      const prior = before.get(row.external_id)
      if (prior?.run === input.run_key) {
        result.duplicates.push({ line: row.line, external_id: row.external_id })
        return false
      }
      if (prior && input.language !== input.default_language && prior.data_language === input.default_language) {
        const fields = DATA_FIELDS.filter((f) => canonical(prior.data[f] ?? null) !== canonical(dataOf(row)[f] ?? null))
        if (fields.length) {
          result.conflicts.push({ line: row.line, external_id: row.external_id, fields })
        }
      }
      return true
    })
    if (!fresh.length) {
      return result
    }

    const now = new Date().toISOString()
    const records = fresh.map((row) => ({
      id: generateEntityId(undefined, "stg"),
      external_id: row.external_id,
      group_id: row.group_id,
      title: row.title,
      brand: row.brand,
      availability: row.availability,
      price_amount: row.price.amount,
      currency_code: row.price.currency.toLowerCase(),
      gtin: row.gtin,
      texts: { [input.language]: { title: row.title, description: row.description } },
      data: dataOf(row),
      raw: { [input.language]: row.raw },
      seen_runs: { [input.language]: input.run_key },
    }))
    const { rows: written } = await knex.raw(
      `INSERT INTO staged_product AS staged_product
         (id, vendor_id, external_id, group_id, title, brand, availability, price_amount, raw_price_amount, currency_code, gtin,
          texts, data, raw, data_language, content_hash, seen_runs, first_seen_at, last_seen_at, created_at, updated_at)
       SELECT x.id, :vendor_id, x.external_id, x.group_id, x.title, x.brand, x.availability, x.price_amount,
              jsonb_build_object('value', x.price_amount::text, 'precision', 20), x.currency_code, x.gtin,
              x.texts, x.data, x.raw, :language, md5(x.texts::text || x.data::text), x.seen_runs, :now, :now, :now, :now
         FROM jsonb_to_recordset(:records::jsonb) AS x(id text, external_id text, group_id text, title text, brand text,
              availability text, price_amount numeric, currency_code text, gtin text, texts jsonb, data jsonb, raw jsonb, seen_runs jsonb)
       ON CONFLICT (vendor_id, external_id) WHERE deleted_at IS NULL DO UPDATE SET
         texts = ${MERGED_TEXTS},
         raw = staged_product.raw || EXCLUDED.raw,
         seen_runs = staged_product.seen_runs || EXCLUDED.seen_runs,
         data = ${MERGED_DATA},
         ${["group_id", "title", "brand", "availability", "price_amount", "raw_price_amount", "currency_code", "gtin", "data_language"].map(pick).join(",\n         ")},
         content_hash = ${MERGED_HASH},
         upstream_changed_at = CASE WHEN staged_product.published_product_id IS NOT NULL AND staged_product.content_hash <> ${MERGED_HASH}
                                    THEN :now::timestamptz ELSE staged_product.upstream_changed_at END,
         last_seen_at = :now,
         gone_at = NULL,
         updated_at = CASE WHEN staged_product.content_hash <> ${MERGED_HASH} THEN :now::timestamptz ELSE staged_product.updated_at END
       RETURNING external_id, content_hash`,
      { vendor_id: input.vendor_id, language: input.language, default_language: input.default_language, now, records: JSON.stringify(records) }
    )
    for (const row of written as { external_id: string; content_hash: string }[]) {
      if (before.get(row.external_id)?.content_hash === row.content_hash) {
        result.unchanged++
      } else {
        result.imported++
      }
    }
    return result
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
   * Claims the jobs whose process died (queued or running, no heartbeat since `staleBefore`)
   * for a restart. Atomic: of several instances looking at once, one gets each job.
   */
  @InjectManager()
  async claimStaleImportJobs(staleBefore: Date, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE import_job SET heartbeat_at = now(), updated_at = now()
        WHERE deleted_at IS NULL AND status IN ('queued', 'running') AND COALESCE(heartbeat_at, created_at) < :stale
        RETURNING id, run`,
      { stale: staleBefore.toISOString() }
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
   * Claims the publish jobs whose process died (queued or running, no heartbeat since `staleBefore`)
   * for a restart. Atomic: of several instances looking at once, one gets each job.
   */
  @InjectManager()
  async claimStalePublishJobs(staleBefore: Date, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE publish_job SET heartbeat_at = now(), updated_at = now()
        WHERE deleted_at IS NULL AND status IN ('queued', 'running') AND COALESCE(heartbeat_at, created_at) < :stale
        RETURNING id, run`,
      { stale: staleBefore.toISOString() }
    )
    return rows as { id: string; run: number }[]
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
    query.where((w: any) =>
      w.whereILike("title", like).orWhereILike("external_id", like).orWhereILike("brand", like).orWhere("gtin", f.q)
        .orWhereRaw("texts::text ILIKE ?", [like])
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

/** The typed fields of a row that are the same in every language. */
function dataOf(row: StagedRow & { line?: number }) {
  // Where a row sits in its file is not part of the item: moving it changes nothing.
  const { external_id, title, description, raw, line, ...data } = row
  return data
}

export default MarketplaceModuleService
