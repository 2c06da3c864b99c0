import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import { isJobFinished } from "../../../../modules/marketplace/job-status"

/** One import job with the fields the request asked for, and its progress as a share of the bytes. */
export async function refetchImportJob(req: MedusaRequest, id: string) {
  const {
    data: [job],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "import_job", fields: req.queryConfig.fields, filters: { id } })
  if (!job) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No import job ${id}.`)
  }
  return withProgress(job)
}

/**
 * `progress`: bytes read of the total when the size is known (0..1), else null. `rows_total`: the rows of the
 * feed — exact once the job has finished, while it runs an estimate from the rows per byte read so far
 * (`rows_total_estimated`), null before the first rows or without a known size. A feed's row count is only
 * known at its end: the bytes are what can be measured up front.
 */
export const withProgress = <T extends { bytes_read?: unknown; bytes_total?: unknown; rows_done?: unknown; status?: unknown }>(job: T) => {
  const read = Number(job.bytes_read ?? 0)
  const total = Number(job.bytes_total ?? 0)
  const rows = job.rows_done == null ? null : Number(job.rows_done)
  const done = isJobFinished(job.status)
  const rowsTotal = rows == null ? null : done ? rows : read > 0 && total > 0 && rows > 0 ? Math.max(rows, Math.round((rows * total) / read)) : null
  return {
    ...job,
    progress: done ? 1 : total > 0 ? Math.min(1, read / total) : null,
    rows_total: rowsTotal,
    rows_total_estimated: rowsTotal != null && !done,
  }
}
