import { once } from "node:events"
import type { Writable } from "node:stream"
import { finished } from "node:stream/promises"
import type { PoolClient } from "pg"
import { from as copyFrom } from "pg-copy-streams"
import type { StagedRow } from "../feed/normalize-row"
import { entityIds } from "./ids"

/** One language's rows of a feed for one vendor, as the import runner hands them to staging. */
export type StageBatchInput = {
  vendor_id: string
  /** The language of the file these rows come from, and the vendor's default language. */
  language: string
  default_language: string
  /** This run of the job (`<job id>:<run>`): an id seen twice in one run is a duplicate. */
  run_key: string
  rows: (StagedRow & { line: number })[]
}

export type StageBatchResult = {
  imported: number
  unchanged: number
  duplicates: { line: number; external_id: string }[]
  conflicts: { line: number; external_id: string; fields: string[] }[]
}

// The typed fields, as compared across languages (text fields are per language).
const DATA_FIELDS = ["price", "sale_price", "gtin", "availability", "quantity", "brand", "group_id"]

// The batch's rows land in a per-connection temporary table (no WAL, emptied at commit), then one
// statement merges them: COPY moves them as text lines, not as one big JSON parameter that the
// server process keeps alive for the whole statement.
const LOAD_TABLE = `CREATE TEMP TABLE IF NOT EXISTS staged_load (
  line integer, id text, external_id text, group_id text, title text, brand text, availability text,
  price_amount numeric, currency_code text, gtin text, texts jsonb, data jsonb, raw jsonb) ON COMMIT DELETE ROWS`
const LOAD_COLUMNS = "line, id, external_id, group_id, title, brand, availability, price_amount, currency_code, gtin, texts, data, raw"

// SQL for the merged values of an upserted row: the typed fields come from the default language's
// file, or from whichever came first until it does; texts and raw rows merge per language.
const TAKE = `(EXCLUDED.data_language = $3 OR staged_product.data_language IS DISTINCT FROM $3)`
const MERGED_TEXTS = `(staged_product.texts || EXCLUDED.texts)`
const MERGED_DATA = `(CASE WHEN ${TAKE} THEN EXCLUDED.data ELSE staged_product.data END)`
const MERGED_HASH = `md5(${MERGED_TEXTS}::text || ${MERGED_DATA}::text)`
const pick = (column: string) => `${column} = CASE WHEN ${TAKE} THEN EXCLUDED.${column} ELSE staged_product.${column} END`

// $1 vendor, $2 language, $3 default language, $4 run key, $5 now, $6 the typed fields.
// What the item was before is read in the same statement as the writes: an id this run already
// saw is a duplicate (not written); an item whose language part is as stored (raw row and texts,
// and the typed fields if they come from this language) is only marked seen — no new hash, no
// rewritten texts; the rest is upserted, and new/changed vs unchanged told from the hash.
const MERGE = `
WITH load AS (
  SELECT l.*, s.id AS prior_id, s.content_hash AS prior_hash, s.seen_runs->>$2 AS prior_run,
         coalesce((s.data_language = $2 OR (s.data_language = $3 AND $2 <> $3))
                  AND s.raw->$2 = l.raw->$2 AND s.texts->$2 = l.texts->$2 AND (s.data_language <> $2 OR s.data = l.data), false) AS same,
         CASE WHEN $2 <> $3 AND s.data_language = $3 THEN
           ARRAY(SELECT f FROM unnest($6::text[]) WITH ORDINALITY AS u(f, n)
                  WHERE coalesce(s.data->f, 'null') IS DISTINCT FROM coalesce(l.data->f, 'null') ORDER BY n)
         END AS conflicts
    FROM staged_load l
    LEFT JOIN staged_product s ON s.vendor_id = $1 AND s.external_id = l.external_id AND s.deleted_at IS NULL
),
touched AS (
  UPDATE staged_product t SET seen_runs = t.seen_runs || jsonb_build_object($2::text, $4::text), last_seen_at = $5, gone_at = NULL
    FROM load WHERE load.same AND load.prior_run IS DISTINCT FROM $4 AND t.id = load.prior_id
  RETURNING t.external_id
),
written AS (
  INSERT INTO staged_product AS staged_product
    (id, vendor_id, external_id, group_id, title, brand, availability, price_amount, raw_price_amount, currency_code, gtin,
     texts, data, raw, data_language, content_hash, seen_runs, first_seen_at, last_seen_at, created_at, updated_at)
  SELECT id, $1, external_id, group_id, title, brand, availability, price_amount,
         jsonb_build_object('value', price_amount::text, 'precision', 20), currency_code, gtin,
         texts, data, raw, $2, md5(texts::text || data::text), jsonb_build_object($2::text, $4::text), $5, $5, $5, $5
    FROM load WHERE NOT same AND prior_run IS DISTINCT FROM $4
  ON CONFLICT (vendor_id, external_id) WHERE deleted_at IS NULL DO UPDATE SET
    texts = ${MERGED_TEXTS},
    raw = staged_product.raw || EXCLUDED.raw,
    seen_runs = staged_product.seen_runs || EXCLUDED.seen_runs,
    data = ${MERGED_DATA},
    ${["group_id", "title", "brand", "availability", "price_amount", "raw_price_amount", "currency_code", "gtin", "data_language"].map(pick).join(",\n    ")},
    content_hash = ${MERGED_HASH},
    upstream_changed_at = CASE WHEN staged_product.published_product_id IS NOT NULL AND staged_product.content_hash <> ${MERGED_HASH}
                               THEN $5::timestamptz ELSE staged_product.upstream_changed_at END,
    last_seen_at = $5,
    gone_at = NULL,
    updated_at = CASE WHEN staged_product.content_hash <> ${MERGED_HASH} THEN $5::timestamptz ELSE staged_product.updated_at END
  RETURNING external_id, content_hash
)
SELECT count(w.external_id) FILTER (WHERE w.content_hash IS DISTINCT FROM l.prior_hash)::int AS imported,
       (count(w.external_id) FILTER (WHERE w.content_hash = l.prior_hash) + (SELECT count(*) FROM touched))::int AS unchanged,
       coalesce(jsonb_agg(jsonb_build_object('line', l.line, 'external_id', l.external_id) ORDER BY l.line) FILTER (WHERE l.prior_run = $4), '[]') AS duplicates,
       coalesce(jsonb_agg(jsonb_build_object('line', l.line, 'external_id', l.external_id, 'fields', to_jsonb(l.conflicts)) ORDER BY l.line)
                FILTER (WHERE l.prior_run IS DISTINCT FROM $4 AND cardinality(l.conflicts) > 0), '[]') AS conflicts
  FROM load l LEFT JOIN written w USING (external_id)`

const COPY = `COPY staged_load (${LOAD_COLUMNS}) FROM STDIN`
// Rows are sent in pieces of about this many characters: one CopyData message each.
const PIECE = 1 << 16

/** The part of knex's client that lends its pool's connections. */
type KnexClient = { acquireConnection(): Promise<PoolClient>; releaseConnection(connection: PoolClient): Promise<unknown> }

/** Where a writer's rows go: one vendor, one language's file, one run of the job. */
export type StagingTarget = Omit<StageBatchInput, "rows">

/** A connection that is loading (or merging) one batch. */
type Slot = {
  connection: PoolClient
  copy?: Writable
  failure?: Error
  seen: Set<string>
  duplicates: StageBatchResult["duplicates"]
  piece: string
  /** The batch before, still merging on this connection: awaited before the connection is reused. */
  merging: Promise<unknown>
}

/**
 * Streams feed rows into staging. Each row is encoded and written to a COPY into the
 * connection's load table as it comes (nothing of a batch is kept but its ids), so the
 * database reads batch n while the feed's next rows are parsed; `send()` ends the batch and
 * merges it in the same transaction. Two connections take turns: one batch merges while the
 * next one loads.
 */
export class StagingWriter {
  private slots: Slot[]
  private turn = 0
  private ids: string[] = []

  private constructor(connections: PoolClient[], private target: StagingTarget, private release: () => Promise<void>) {
    this.slots = connections.map((connection) => ({ connection, seen: new Set(), duplicates: [], piece: "", merging: Promise.resolve() }))
  }

  /** A writer on `connections` connections of knex's pool (held until `close`). */
  static async open(knexClient: KnexClient, target: StagingTarget, connections = 2) {
    const held: PoolClient[] = []
    const release = async () => {
      await Promise.all(held.splice(0).map((c) => knexClient.releaseConnection(c)))
    }
    try {
      for (let i = 0; i < connections; i++) {
        held.push(await knexClient.acquireConnection())
        await prepareConnection(held[i])
      }
    } catch (e) {
      await release()
      throw e
    }
    return new StagingWriter([...held], target, release)
  }

  /**
   * Adds a row to the batch. An id repeated within the batch is a duplicate (the first wins; it
   * is reported by `send`). Returns a promise only when the database is behind: await it then.
   */
  add(row: StagedRow, line: number): Promise<void> | undefined {
    const slot = this.slots[this.turn]
    if (slot.seen.has(row.external_id)) {
      slot.duplicates.push({ line, external_id: row.external_id })
      return
    }
    slot.seen.add(row.external_id)
    if (!this.ids.length) {
      this.ids = entityIds("stg", 1024)
    }
    slot.piece += copyLine(row, line, this.ids.pop()!, this.target.language)
    if (slot.piece.length >= PIECE) {
      return this.write(slot)
    }
  }

  /** Ends the batch being loaded and merges it; the next `add` starts a batch on the other connection. */
  send(): Promise<StageBatchResult> {
    const slot = this.slots[this.turn]
    this.turn = (this.turn + 1) % this.slots.length
    const done = this.merge(slot)
    slot.merging = done.catch(() => undefined)
    return done
  }

  /** Abandons a batch being loaded (the pass failed or was cancelled): its transaction rolls back. */
  async abort() {
    await Promise.all(
      this.slots.map(async (slot) => {
        await slot.merging
        if (slot.copy) {
          slot.copy.destroy(new Error("import stopped"))
          await once(slot.copy, "close").catch(() => undefined)
          slot.copy = undefined
          await slot.connection.query("ROLLBACK").catch(() => undefined)
        }
        slot.seen = new Set()
        slot.duplicates = []
        slot.piece = ""
      })
    )
  }

  /** Waits for merges in flight, drops a batch being loaded, and gives the connections back. */
  async close() {
    try {
      await this.abort()
    } finally {
      await this.release()
    }
  }

  private async write(slot: Slot) {
    if (!slot.copy) {
      await slot.merging
      slot.failure = undefined
      // Queued on the connection in order: the transaction, then the COPY (it buffers until the server is ready).
      // The merge materializes the batch (~5 MB for 2,000 rows): with the default 4 MB work_mem it spills to disk.
      slot.connection.query("BEGIN; SET LOCAL work_mem = '32MB'").catch((e: Error) => (slot.failure ??= e))
      slot.copy = slot.connection.query(copyFrom(COPY, { highWaterMark: 4 * PIECE }))
      slot.copy.on("error", (e) => (slot.failure ??= e))
    }
    const piece = slot.piece
    slot.piece = ""
    if (slot.failure) {
      throw slot.failure
    }
    if (piece && !slot.copy.write(piece)) {
      await once(slot.copy, "drain")
    }
  }

  private async merge(slot: Slot): Promise<StageBatchResult> {
    const duplicates = slot.duplicates
    slot.duplicates = []
    const rows = slot.seen.size
    slot.seen = new Set()
    if (!rows) {
      return { imported: 0, unchanged: 0, duplicates, conflicts: [] }
    }
    await this.write(slot)
    const copy = slot.copy!
    slot.copy = undefined
    try {
      copy.end()
      await finished(copy)
      if (slot.failure) {
        throw slot.failure
      }
      const { vendor_id, language, default_language, run_key } = this.target
      const {
        rows: [merged],
      } = await slot.connection.query(MERGE, [vendor_id, language, default_language, run_key, new Date().toISOString(), DATA_FIELDS])
      await slot.connection.query("COMMIT")
      return { imported: merged.imported, unchanged: merged.unchanged, duplicates: [...duplicates, ...merged.duplicates], conflicts: merged.conflicts }
    } catch (e) {
      await slot.connection.query("ROLLBACK").catch(() => undefined)
      throw e
    }
  }
}

const ready = new WeakSet<object>()

/** The load table, once per connection (it lives as long as the connection). */
export async function prepareConnection(connection: PoolClient) {
  if (!ready.has(connection)) {
    await connection.query(LOAD_TABLE)
    ready.add(connection)
  }
}

/** One row in COPY's text format. */
function copyLine(row: StagedRow, line: number, id: string, language: string): string {
  const { external_id, title, description, raw, ...data } = row
  return (
    `${line}\t${id}\t${text(external_id)}\t${text(row.group_id)}\t${text(title)}\t${text(row.brand)}\t${text(row.availability)}\t` +
    `${row.price.amount}\t${row.price.currency.toLowerCase()}\t${text(row.gtin)}\t` +
    `${text(JSON.stringify({ [language]: { title, description } }))}\t${text(JSON.stringify(data))}\t${text(JSON.stringify({ [language]: raw }))}\n`
  )
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "" }

/** A value in COPY's text format: `\N` for null; backslash, tab, newlines escaped; NUL dropped (text cannot hold it). */
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) {
    return "\\N"
  }
  return /[\\\n\r\t\0]/.test(value) ? value.replace(/[\\\n\r\t\0]/g, (c) => ESCAPES[c]) : value
}
