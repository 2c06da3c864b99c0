import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { runImportJobStep } from "../steps/run-import-job"

export const runImportJobWorkflowId = "run-import-job"

/**
 * Runs a queued (or interrupted) import job in the background: `run()`
 * returns at once, the job's record shows the progress. Emits
 * `marketplace.import_job.finished`.
 */
export const runImportJobWorkflow = createWorkflow(runImportJobWorkflowId, (input: { job_id: string }) => {
  const outcome = runImportJobStep(input)
  emitEventStep({ eventName: "marketplace.import_job.finished", data: transform({ outcome }, ({ outcome }) => outcome) })
  return new WorkflowResponse(outcome)
})
