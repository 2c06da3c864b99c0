import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchPublishJob } from "../helpers"

/** One publish job with its progress (items done of total, created / updated / published, skipped and failed items). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ publish_job: await refetchPublishJob(req, req.params.id) })
}
