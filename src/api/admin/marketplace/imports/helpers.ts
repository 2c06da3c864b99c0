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

/** `progress`: bytes read of the total when the size is known (0..1), else null. */
export const withProgress = <T extends { bytes_read?: unknown; bytes_total?: unknown; status?: unknown }>(job: T) => {
  const read = Number(job.bytes_read ?? 0)
  const total = Number(job.bytes_total ?? 0)
  const done = isJobFinished(job.status)
  return { ...job, progress: done ? 1 : total > 0 ? Math.min(1, read / total) : null }
}
