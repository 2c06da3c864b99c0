import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes } from "../../../lib/errors"
import { resumeEveryMs, staleAfterMs } from "../../../lib/heartbeat"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { runPublishJobWorkflow } from "../workflows/run-publish-job"

/**
 * A running publish keeps a heartbeat on a timer (keepHeartbeat); this long without one
 * (MARKETPLACE_PUBLISH_STALE_SECONDS, default 2 minutes), its process is taken for dead.
 */
export function publishStaleAfterMs(env: NodeJS.ProcessEnv = process.env): number {
  return staleAfterMs("publish", env)
}

/** How often to look for dead jobs (see resumeEveryMs). */
export function publishResumeEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  return resumeEveryMs(publishStaleAfterMs(env))
}

/** Runs a job gets before it is failed for good (a chunk may be what kills the process). */
export const PUBLISH_MAX_RUNS = 3

/**
 * Picks up publish jobs whose process died (kill -9, a crash, a deploy): each
 * goes on from its first chunk not recorded as done — publishing is idempotent
 * (a published item is updated, never created twice) — or, after
 * PUBLISH_MAX_RUNS, is failed with PUBLISH_INTERRUPTED.
 */
export async function resumeInterruptedPublishes(container: MedusaContainer, now = new Date()) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const claimed = await marketplace.claimStaleJobs("publish_job", new Date(now.getTime() - publishStaleAfterMs()))
  for (const job of claimed) {
    if (job.run >= PUBLISH_MAX_RUNS) {
      await marketplace.updatePublishJobs({
        id: job.id,
        status: "failed",
        finished_at: new Date(),
        error_code: ErrorCodes.PUBLISH_INTERRUPTED,
        error_message: `The publish was interrupted ${job.run} times; publish the remaining items again once the cause is found.`,
      })
      continue
    }
    logger.info(`[publish ${job.id}] interrupted during run ${job.run}: going on from its last finished chunk`)
    await runPublishJobWorkflow(container).run({ input: { job_id: job.id } })
  }
  return claimed.map((j) => j.id)
}
