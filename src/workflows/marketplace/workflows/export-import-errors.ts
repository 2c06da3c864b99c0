import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesStep } from "@medusajs/medusa/core-flows"
import { buildImportErrorsReportStep, type BuildImportErrorsReportInput } from "../steps/build-import-errors-report"

export const exportImportErrorsWorkflowId = "export-import-errors"

/**
 * Stores an import job's row errors as a private CSV file in the file module (S3 when configured), for a
 * download link that can be handed on; the upload step deletes the file if a later step fails.
 *
 * @example
 * const { result: file } = await exportImportErrorsWorkflow(container).run({ input: { job_id: "impjob_1" } })
 */
export const exportImportErrorsWorkflow = createWorkflow(exportImportErrorsWorkflowId, (input: BuildImportErrorsReportInput) => {
  const report = buildImportErrorsReportStep(input)
  const files = uploadFilesStep({ files: transform({ report }, ({ report }) => [report]) })
  return new WorkflowResponse(transform({ files }, ({ files }) => files[0]))
})
