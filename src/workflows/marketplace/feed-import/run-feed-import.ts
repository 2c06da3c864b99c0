import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes } from "../../../lib/errors"
import { keepHeartbeat, staleAfterMs } from "../../../lib/heartbeat"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { normalizeRow, type RowProblem } from "../../../modules/marketplace/feed/normalize-row"
import { FeedEncodingRestart, FeedFileError, readFeed, type FeedEncoding, type FeedFormat } from "../../../modules/marketplace/feed/read-feed"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { StageBatchResult } from "../../../modules/marketplace/service"
import { downloadFeed } from "./download-feed"
import { isJobFinished } from "../../../modules/marketplace/job-status"
import { metrics } from "../../../lib/metrics"

/** Rows per staging batch: one upsert statement and one progress write each. */
export const IMPORT_BATCH_ROWS = 2000

type Job = Awaited<ReturnType<MarketplaceModuleService["retrieveImportJob"]>>
type Counters = { rows_done: number; rows_imported: number; rows_unchanged: number; rows_rejected: number; warnings: number; bytes_read: number }

type Problem = { problem: RowProblem; severity: "error" | "warning"; external_id?: string }

class Cancelled extends Error {}

/**
 * Runs one import job to its end: streams the feed (URL or uploaded file)
 * through the reader, normalizes and stages it in batches, records row errors
 * and progress every batch, honours a cancel request between batches, and
 * finishes the job with its status. Each run re-reads the feed from the start
 * under a new run key: staging is idempotent, so a restarted job converges.
 */
export async function runFeedImport(container: MedusaContainer, jobId: string) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let job = await marketplace.retrieveImportJob(jobId)
  if (isJobFinished(job.status)) {
    return job
  }
  const run = job.run + 1
  job = await marketplace.updateImportJobs({ id: jobId, status: "running", run, started_at: job.started_at ?? new Date(), heartbeat_at: new Date() })
  const stopHeartbeat = keepHeartbeat(
    () => marketplace.updateImportJobs({ id: jobId, heartbeat_at: new Date() }),
    staleAfterMs("import"),
    (e) => logger.warn(`[import ${jobId}] heartbeat not written: ${e.message}`)
  )
  try {
    return await runPasses(container, job, run)
  } finally {
    stopHeartbeat()
  }
}

async function runPasses(container: MedusaContainer, job: Job, run: number) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const jobId = job.id
  const defaultLanguage = await vendorDefaultLanguage(container, job.vendor_id)

  let encoding: FeedEncoding | undefined
  for (let pass = 0; pass < 2; pass++) {
    // A fresh pass: counters and row errors of earlier attempts go.
    await marketplace.softDeleteImportRowErrors((await marketplace.listImportRowErrors({ job_id: jobId }, { select: ["id"] })).map((e) => e.id))
    const runKey = `${jobId}:${run}${pass ? "b" : ""}`
    try {
      const counters = await importPass(container, job, { runKey, defaultLanguage, encoding })
      return await finish(marketplace, job, counters, defaultLanguage, runKey)
    } catch (e) {
      if (e instanceof FeedEncodingRestart && !encoding) {
        logger.info(`[import ${jobId}] not UTF-8 after the first MiB: reading it again as Windows-1252`)
        encoding = "windows-1252"
        continue
      }
      if (e instanceof Cancelled) {
        return marketplace.updateImportJobs({ id: jobId, status: "cancelled", finished_at: new Date() })
      }
      const known = e instanceof FeedFileError ? e : undefined
      logger.warn(`[import ${jobId}] failed: ${(e as Error).message}`)
      return marketplace.updateImportJobs({
        id: jobId,
        status: "failed",
        finished_at: new Date(),
        error_code: known?.code ?? (e as { code?: string }).code ?? ErrorCodes.IMPORT_UNREADABLE,
        error_message: (e as Error).message,
      })
    }
  }
  return job
}

async function importPass(
  container: MedusaContainer,
  job: Job,
  { runKey, defaultLanguage, encoding }: { runKey: string; defaultLanguage: string; encoding?: FeedEncoding }
): Promise<Counters> {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const counters: Counters = { rows_done: 0, rows_imported: 0, rows_unchanged: 0, rows_rejected: 0, warnings: 0, bytes_read: 0 }
  const { stream, bytesTotal } = await openSource(container, job)
  let format: FeedFormat | undefined
  let problems: Problem[] = []
  let batches = 0
  let rowsCounted = 0
  // One batch in flight: while the database merges batch n, the next one is parsed and normalized.
  let inFlight: Promise<void> = Promise.resolve()
  let failure: unknown

  // Rows stream into staging as they are read (COPY); each batch is then merged in one statement.
  const writer = await marketplace.openStagingWriter({ vendor_id: job.vendor_id, language: job.language, default_language: defaultLanguage, run_key: runKey })

  const store = async (sent: Promise<StageBatchResult>, found: Problem[]) => {
    const staged = await sent
    for (const d of staged.duplicates) {
      found.push({ severity: "error", external_id: d.external_id, problem: { line: d.line, column: "id", code: "ID_DUPLICATE", message: `The id ${d.external_id} appears earlier in the file.` } })
    }
    for (const c of staged.conflicts) {
      found.push({
        severity: "warning",
        external_id: c.external_id,
        problem: { line: c.line, column: c.fields.join(","), code: "LANGUAGE_CONFLICT", message: `${c.fields.join(", ")} differ from the ${defaultLanguage} file, which wins.` },
      })
    }
    counters.rows_imported += staged.imported
    counters.rows_unchanged += staged.unchanged
    counters.rows_rejected += staged.duplicates.length
    counters.warnings += staged.conflicts.length
    if (found.length) {
      await marketplace.createImportRowErrors(
        found.map(({ problem, severity, external_id }) => ({
          job_id: job.id,
          line: problem.line,
          column: problem.column,
          code: problem.code,
          message: problem.message,
          value: problem.value ?? null,
          external_id: external_id ?? null,
          severity,
        }))
      )
    }
    // Fresh statistics whenever this import has grown staging tenfold (2k, 20k, 200k… rows): plans
    // only flip on large growth, and each ANALYZE costs the same whatever the size (~1 s of a core).
    batches++
    if (Number.isInteger(Math.log10(batches))) {
      await marketplace.analyzeStaging()
    }
    // Rows read meanwhile (the next batch) count as done already; the last batch's write is exact.
    const current = await marketplace.updateImportJobs({
      id: job.id,
      ...counters,
      bytes_total: bytesTotal,
      encoding: format?.encoding ?? null,
      delimiter: format?.delimiter ?? null,
      gzip: format?.gzip ?? false,
      heartbeat_at: new Date(),
    })
    // The rows/s metric grows with each progress write (rate() of the counter).
    metrics().importRows.inc(counters.rows_done - rowsCounted)
    rowsCounted = counters.rows_done
    if (current.cancel_requested_at) {
      throw new Cancelled()
    }
  }

  /** Waits for the batch in flight (its error or a cancel surfaces here), then sends the current one. */
  const flush = async () => {
    await inFlight
    if (failure) {
      throw failure
    }
    inFlight = store(writer.send(), problems).catch((e) => {
      failure = e
    })
    problems = []
  }

  try {
    for await (const record of readFeed(stream, { onFormat: (f) => (format = f), onBytes: (n) => (counters.bytes_read = n), forceEncoding: encoding })) {
      counters.rows_done++
      const { row, errors, warnings } = normalizeRow(format!.columns, record.cells, record.line)
      const externalId = record.cells[format!.columns.indexOf("id")]?.trim() || undefined
      for (const problem of errors) {
        problems.push({ problem, severity: "error", external_id: externalId })
      }
      for (const problem of warnings) {
        problems.push({ problem, severity: "warning", external_id: externalId })
      }
      counters.warnings += warnings.length
      if (row) {
        // A promise only when the database is behind: then wait for it.
        const behind = writer.add(row, record.line)
        if (behind) {
          await behind
        }
      } else {
        counters.rows_rejected++
      }
      if (counters.rows_done % IMPORT_BATCH_ROWS === 0) {
        await flush()
      }
    }
    await flush()
  } finally {
    // Never leave a batch writing behind a failed or cancelled pass.
    await inFlight
    await writer.close()
  }
  if (failure) {
    throw failure
  }
  return counters
}

async function finish(marketplace: MarketplaceModuleService, job: Job, counters: Counters, defaultLanguage: string, runKey: string) {
  const ok = counters.rows_imported + counters.rows_unchanged
  if (counters.rows_done === 0) {
    return marketplace.updateImportJobs({ id: job.id, status: "failed", finished_at: new Date(), error_code: ErrorCodes.IMPORT_NO_ROWS, error_message: "The file has a header but no data rows." })
  }
  if (ok === 0) {
    return marketplace.updateImportJobs({
      id: job.id,
      status: "failed",
      finished_at: new Date(),
      error_code: ErrorCodes.IMPORT_NOTHING_IMPORTED,
      error_message: `All ${counters.rows_rejected} rows were rejected: see the row errors.`,
    })
  }
  // Only a complete run of the default language's feed says what is gone.
  const gone = job.language === defaultLanguage ? await marketplace.markGone({ vendor_id: job.vendor_id, language: job.language, run_key: runKey }) : 0
  return marketplace.updateImportJobs({
    id: job.id,
    status: counters.rows_rejected ? "partially_succeeded" : "succeeded",
    gone,
    finished_at: new Date(),
  })
}

/** The feed's bytes: downloaded (any size, streamed) or read from the file module. */
async function openSource(container: MedusaContainer, job: Job): Promise<{ stream: AsyncIterable<Buffer>; bytesTotal: number | null }> {
  if (job.source_kind === "file") {
    const files = container.resolve(Modules.FILE)
    const stream = await files.getDownloadStream(job.file_id!)
    return { stream, bytesTotal: null }
  }
  const { stream, length, encoded } = await downloadFeed(job.source_url!)
  // A compressed transfer's length is not the file's: no byte progress then.
  return { stream, bytesTotal: encoded ? null : length }
}

async function vendorDefaultLanguage(container: MedusaContainer, vendorId: string) {
  const {
    data: [vendor],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "vendor", fields: ["default_language"], filters: { id: vendorId } })
  return (vendor?.default_language as string | undefined) ?? "fr"
}
