import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchImportJob } from "../helpers"

/** One import job with its progress (rows read / imported / unchanged / rejected, bytes read of total). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ import_job: await refetchImportJob(req, req.params.id) })
}
