import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import type { PublishFailures, PublishSkips } from "../../../../modules/marketplace/service"
import { isJobFinished } from "../../../../modules/marketplace/job-status"

/** One publish job with the fields the request asked for, and its progress. */
export async function refetchPublishJob(req: MedusaRequest, id: string) {
  const {
    data: [job],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "publish_job", fields: req.queryConfig.fields, filters: { id } })
  if (!job) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No publish job ${id}.`)
  }
  return withProgress(job)
}

/**
 * `progress`: items done of the total (0..1), 1 once the job is over; skipped
 * items and failed chunks (stored by id and by number) as lists.
 */
export const withProgress = <T extends { items_done?: unknown; items_total?: unknown; status?: unknown; skipped?: unknown; failed?: unknown }>(job: T) => {
  const done = isJobFinished(job.status)
  const total = Number(job.items_total ?? 0)
  return {
    ...job,
    progress: done ? 1 : total > 0 ? Math.min(1, Number(job.items_done ?? 0) / total) : 0,
    ...(job.skipped ? { skipped: Object.entries(job.skipped as PublishSkips).map(([staged_id, reason]) => ({ staged_id, reason })) } : {}),
    ...(job.failed ? { failed: Object.entries(job.failed as PublishFailures).map(([chunk, f]) => ({ chunk: Number(chunk), ...f })) } : {}),
  }
}
