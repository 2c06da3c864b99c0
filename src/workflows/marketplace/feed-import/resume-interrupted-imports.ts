import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes } from "../../../lib/errors"
import { resumeEveryMs, staleAfterMs } from "../../../lib/heartbeat"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { runImportJobWorkflow } from "../workflows/run-import-job"

/**
 * A running job keeps a heartbeat on a timer (keepHeartbeat); this long without one
 * (MARKETPLACE_IMPORT_STALE_SECONDS, default 2 minutes), its process is taken for dead.
 */
export function importStaleAfterMs(env: NodeJS.ProcessEnv = process.env): number {
  return staleAfterMs("import", env)
}

/** How often to look for dead jobs (see resumeEveryMs). */
export function importResumeEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  return resumeEveryMs(importStaleAfterMs(env))
}

/** Runs a job gets before it is failed for good (the feed itself may be what kills the process). */
export const IMPORT_MAX_RUNS = 3

/**
 * Picks up import jobs whose process died (kill -9, a crash, a deploy): each
 * is run again from the start — staging is idempotent, so it converges — or,
 * after IMPORT_MAX_RUNS, failed with IMPORT_INTERRUPTED and left re-runnable.
 */
export async function resumeInterruptedImports(container: MedusaContainer, now = new Date()) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const claimed = await marketplace.claimStaleJobs("import_job", new Date(now.getTime() - importStaleAfterMs()))
  for (const job of claimed) {
    if (job.run >= IMPORT_MAX_RUNS) {
      await marketplace.updateImportJobs({
        id: job.id,
        status: "failed",
        finished_at: new Date(),
        error_code: ErrorCodes.IMPORT_INTERRUPTED,
        error_message: `The import was interrupted ${job.run} times; start it again once the cause is found.`,
      })
      continue
    }
    logger.info(`[import ${job.id}] interrupted during run ${job.run}: running it again`)
    await runImportJobWorkflow(container).run({ input: { job_id: job.id } })
  }
  return claimed.map((j) => j.id)
}
