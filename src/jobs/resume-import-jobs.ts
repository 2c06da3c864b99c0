import type { MedusaContainer } from "@medusajs/framework/types"
import { importResumeEveryMs, resumeInterruptedImports } from "../workflows/marketplace/feed-import/resume-interrupted-imports"

/**
 * Every minute (or twice per MARKETPLACE_IMPORT_STALE_SECONDS when shorter): import jobs whose process
 * died are run again, or failed after three runs. Not also once at startup: a job killed by the restart
 * still has a fresh heartbeat then, and another instance may be the one running it.
 */
export default async function resumeImportJobs(container: MedusaContainer) {
  await resumeInterruptedImports(container)
}

export const config = { name: "resume-import-jobs", schedule: { interval: importResumeEveryMs() } }
