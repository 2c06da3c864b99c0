import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, isMaartCode } from "../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { PublishFailures, PublishSkips } from "../../../modules/marketplace/service"
import { publishStagedProductsWorkflow } from "../workflows/publish-staged-products"
import { keepHeartbeat, staleAfterMs } from "../../../lib/heartbeat"
import { StepProfile } from "./step-profile"
import { isJobFinished } from "../../../modules/marketplace/job-status"

/**
 * Runs one publish job to its end: its chunks in order from the first one not
 * yet done, each one publishStagedProductsWorkflow. After each chunk the job's
 * counters, skipped and failed items and heartbeat are written, and a cancel
 * request is honoured before the next. A chunk that fails has been compensated
 * by its workflow: its items go to `failed` with the error and the job goes on
 * with the next chunk (one bad item does not hold back thousands). The job ends
 * `succeeded`, `partially_succeeded` (items skipped or failed), or `failed`
 * (chunks failed and nothing was published).
 */
export async function runPublishJob(container: MedusaContainer, jobId: string) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let job = await marketplace.retrievePublishJob(jobId)
  if (isJobFinished(job.status)) {
    return job
  }
  job = await marketplace.updatePublishJobs({ id: jobId, status: "running", run: job.run + 1, started_at: job.started_at ?? new Date(), heartbeat_at: new Date() })
  const stopHeartbeat = keepHeartbeat(
    () => marketplace.updatePublishJobs({ id: jobId, heartbeat_at: new Date() }),
    staleAfterMs("publish"),
    (e) => logger.warn(`[publish ${jobId}] heartbeat not written: ${e.message}`)
  )
  try {
    return await runChunks(container, job)
  } finally {
    stopHeartbeat()
  }
}

async function runChunks(container: MedusaContainer, job: Awaited<ReturnType<MarketplaceModuleService["retrievePublishJob"]>>) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const jobId = job.id
  const { chunks } = job.items as { chunks: string[][] }
  const profile = StepProfile.fromEnv()
  for (let i = job.chunks_done; i < chunks.length; i++) {
    const staged_ids = chunks[i]
    const chunk = { items: staged_ids.length, created: 0, updated: 0, published_items: 0, skipped: {} as PublishSkips, failed: {} as PublishFailures }
    const began = performance.now()
    try {
      const { result } = await publishStagedProductsWorkflow(container).run({ input: { vendor_id: job.vendor_id, staged_ids, job_id: job.id }, events: profile?.events })
      Object.assign(chunk, { created: result.created, updated: result.updated, published_items: result.published_items })
      chunk.skipped = Object.fromEntries(result.skipped.map((s) => [s.staged_id, s.reason]))
    } catch (e) {
      const { code, message } = e as { code?: unknown; message?: string }
      logger.warn(`[publish ${jobId}] chunk ${i + 1}/${chunks.length} failed (compensated): ${message}`)
      chunk.failed[i + 1] = { staged_ids, code: isMaartCode(code) ? code : ErrorCodes.PUBLISH_CHUNK_FAILED, message: message ?? "The chunk failed." }
    }
    const recording = performance.now()
    const { cancel_requested } = await marketplace.recordPublishChunk(jobId, chunk)
    profile?.add("chunk workflow (whole)", recording - began)
    profile?.add("record progress", performance.now() - recording)
    profile?.write()
    if (cancel_requested && i < chunks.length - 1) {
      return marketplace.updatePublishJobs({ id: jobId, status: "cancelled", finished_at: new Date() })
    }
  }
  return finish(marketplace, jobId)
}

async function finish(marketplace: MarketplaceModuleService, jobId: string) {
  const job = await marketplace.retrievePublishJob(jobId, { select: ["id", "published_items", "skipped", "failed"] })
  const failed = Object.values(job.failed as PublishFailures)
  const skipped = Object.keys(job.skipped as PublishSkips)
  if (failed.length && !job.published_items) {
    return marketplace.updatePublishJobs({
      id: jobId,
      status: "failed",
      finished_at: new Date(),
      error_code: ErrorCodes.PUBLISH_FAILED,
      error_message: `All ${failed.length} chunks failed: see failed (first: ${failed[0].message}).`,
    })
  }
  return marketplace.updatePublishJobs({ id: jobId, status: failed.length || skipped.length ? "partially_succeeded" : "succeeded", finished_at: new Date() })
}
