import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { runPublishJob } from "../publish-job/run-publish-job"

export const runPublishJobStepId = "run-publish-job"

/**
 * The chunks of a publish job, in the background (async step with background
 * execution: with Redis, a worker instance picks it up). Each chunk is its own
 * publishStagedProductsWorkflow, compensated by itself when it fails; the
 * outcome is recorded on the job rather than thrown, so nothing is left here
 * to compensate.
 */
export const runPublishJobStep = createStep(
  { name: runPublishJobStepId, async: true, backgroundExecution: true, maxRetries: 0 },
  async (input: { job_id: string }, { container }) => {
    const job = await runPublishJob(container, input.job_id)
    return new StepResponse({ id: job.id, vendor_id: job.vendor_id, status: job.status })
  }
)
