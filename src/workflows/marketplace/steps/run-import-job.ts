import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { runFeedImport } from "../feed-import/run-feed-import"

export const runImportJobStepId = "run-import-job"

/**
 * The heavy part of an import, in the background (async step with background
 * execution: with Redis, a worker instance picks it up). Its outcome — even a
 * failed feed — is recorded on the job rather than thrown: staging is
 * idempotent, so there is nothing to compensate.
 */
export const runImportJobStep = createStep(
  { name: runImportJobStepId, async: true, backgroundExecution: true, maxRetries: 0 },
  async (input: { job_id: string }, { container }) => {
    const job = await runFeedImport(container, input.job_id)
    return new StepResponse({ id: job.id, status: job.status })
  }
)
