import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createPublishJobStep, type CreatePublishJobInput } from "../steps/create-publish-job"
import { savePublishOverridesStep, type SavePublishOverridesInput } from "../steps/save-publish-overrides"

export const createPublishJobWorkflowId = "create-publish-job"

/**
 * Queues a publish of a vendor's staged items — by ids, by filter, or (neither)
 * the selected ones — after saving the overrides sent along. Refused with 409
 * PUBLISH_JOB_RUNNING while the vendor has a queued or running one. Emits
 * `marketplace.publish_job.created`, on which
 * src/subscribers/marketplace-publish-job-created.ts runs it.
 *
 * @example
 * await createPublishJobWorkflow(container).run({ input: { vendor_id: "ven_1", ids: ["stg_1"], overrides: { stg_1: { price_amount: 990 } } } })
 */
export const createPublishJobWorkflow = createWorkflow(
  createPublishJobWorkflowId,
  (input: CreatePublishJobInput & { overrides?: SavePublishOverridesInput["overrides"] }) => {
    const job = createPublishJobStep(transform({ input }, ({ input: { overrides: _, ...rest } }) => rest))
    savePublishOverridesStep(transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, overrides: input.overrides ?? {} })))
    emitEventStep({ eventName: "marketplace.publish_job.created", data: transform({ job }, ({ job }) => ({ id: job.id, vendor_id: job.vendor_id })) })
    return new WorkflowResponse(job)
  }
)
