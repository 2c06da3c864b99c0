import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { runPublishJobStep } from "../steps/run-publish-job"

export const runPublishJobWorkflowId = "run-publish-job"

/**
 * Runs a queued (or interrupted) publish job in the background: `run()`
 * returns at once, the job's record shows the progress chunk by chunk. Emits
 * `marketplace.publish_job.finished`.
 *
 * @example
 * await runPublishJobWorkflow(container).run({ input: { job_id: "pubj_1" } })
 */
export const runPublishJobWorkflow = createWorkflow(runPublishJobWorkflowId, (input: { job_id: string }) => {
  const outcome = runPublishJobStep(input)
  emitEventStep({ eventName: "marketplace.publish_job.finished", data: transform({ outcome }, ({ outcome }) => outcome) })
  return new WorkflowResponse(outcome)
})
