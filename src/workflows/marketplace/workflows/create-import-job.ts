import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createImportJobStep, type CreateImportJobInput } from "../steps/create-import-job"

export const createImportJobWorkflowId = "create-import-job"

/**
 * Queues an import of one feed file into a vendor's staging. Emits
 * `marketplace.import_job.created`, on which src/subscribers/marketplace-import-job-created.ts runs it.
 *
 * @example
 * await createImportJobWorkflow(container).run({ input: { vendor_id: "ven_1", language: "fr", url: "https://…/fr.tsv" } })
 */
export const createImportJobWorkflow = createWorkflow(createImportJobWorkflowId, (input: CreateImportJobInput) => {
  const job = createImportJobStep(input)
  emitEventStep({ eventName: "marketplace.import_job.created", data: transform({ job }, ({ job }) => ({ id: job.id, vendor_id: job.vendor_id })) })
  return new WorkflowResponse(job)
})
