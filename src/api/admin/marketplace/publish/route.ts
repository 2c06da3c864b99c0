import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPublishJobWorkflow } from "../../../../workflows/marketplace/workflows/create-publish-job"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import { refetchPublishJob } from "../publish-jobs/helpers"
import type { AdminPublishType } from "./validators"

/**
 * Publishes staged items — by ids, by filter, or (neither) the selected ones —
 * into the vendor's catalog, after saving the overrides sent along. Queues a
 * publish job, which a worker starts from its event: 202 with the job; follow it at
 * GET /admin/marketplace/publish-jobs/:id. 409 PUBLISH_JOB_RUNNING while the
 * vendor has one queued or running.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPublishType> & TenantRequest, res: MedusaResponse) {
  const { result: job } = await createPublishJobWorkflow(req.scope).run({
    input: { ...req.validatedBody, vendor_id: activeVendorId(req), requested_by: req.auth_context.actor_id },
  })
  // The job starts from its `marketplace.publish_job.created` event (src/subscribers/marketplace-publish-job-created.ts).
  res.status(202).json({ publish_job: await refetchPublishJob(req, job.id) })
}
