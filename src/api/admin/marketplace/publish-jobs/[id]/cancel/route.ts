import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../../../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../../modules/marketplace/service"
import { refetchPublishJob } from "../../helpers"

/**
 * Asks a queued or running publish to stop: it ends as `cancelled` after its
 * current chunk (what was published stays). A finished job cannot be cancelled.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const job = await marketplace.retrievePublishJob(req.params.id, { select: ["id", "status", "cancel_requested_at"] })
  if (!["queued", "running"].includes(job.status)) {
    throw maartError("NOT_ALLOWED", ErrorCodes.PUBLISH_JOB_NOT_CANCELLABLE, `The publish is ${job.status}: only a queued or running one can be cancelled.`)
  }
  await marketplace.updatePublishJobs({
    id: job.id,
    cancel_requested_at: job.cancel_requested_at ?? new Date(),
    // A queued job has no chunk to finish: it is cancelled at once.
    ...(job.status === "queued" ? { status: "cancelled" as const, finished_at: new Date() } : {}),
  })
  res.json({ publish_job: await refetchPublishJob(req, job.id) })
}
