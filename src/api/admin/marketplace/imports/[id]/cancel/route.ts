import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../../../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../../modules/marketplace/service"
import { refetchImportJob } from "../../helpers"

/**
 * Asks a queued or running import to stop: it ends as `cancelled` after its
 * current batch (what it staged stays). A finished job cannot be cancelled.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const job = await marketplace.retrieveImportJob(req.params.id, { select: ["id", "status", "cancel_requested_at"] })
  if (!["queued", "running"].includes(job.status)) {
    throw maartError("NOT_ALLOWED", ErrorCodes.IMPORT_NOT_CANCELLABLE, `The import is ${job.status}: only a queued or running one can be cancelled.`)
  }
  await marketplace.updateImportJobs({
    id: job.id,
    cancel_requested_at: job.cancel_requested_at ?? new Date(),
    // A queued job has no batch to finish: it is cancelled at once.
    ...(job.status === "queued" ? { status: "cancelled" as const, finished_at: new Date() } : {}),
  })
  res.json({ import_job: await refetchImportJob(req, job.id) })
}
