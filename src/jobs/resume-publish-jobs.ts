import type { MedusaContainer } from "@medusajs/framework/types"
import { publishResumeEveryMs, resumeInterruptedPublishes } from "../workflows/marketplace/publish-job/resume-interrupted-publishes"

/**
 * Every minute (or twice per MARKETPLACE_PUBLISH_STALE_SECONDS when shorter): publish jobs whose
 * process died go on from their last finished chunk, or are failed after three runs.
 */
export default async function resumePublishJobs(container: MedusaContainer) {
  await resumeInterruptedPublishes(container)
}

export const config = { name: "resume-publish-jobs", schedule: { interval: publishResumeEveryMs() } }
