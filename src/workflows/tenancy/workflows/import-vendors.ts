import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkVendorImportStep } from "../steps/check-vendor-import"
import { createImportedVendorsStep } from "../steps/create-imported-vendors"

export const importVendorsWorkflowId = "import-vendors"

/**
 * Bulk vendor import from the seeds' CSV format. `dry_run` validates every
 * row (file, then platform) and reports; otherwise the valid rows are
 * provisioned and every row is reported with its line, and column for errors.
 * Re-running a file reports its vendors as "exists" and creates nothing.
 *
 * @example
 * const { result } = await importVendorsWorkflow(container).run({ input: { csv, dry_run: true } })
 */
export const importVendorsWorkflow = createWorkflow(importVendorsWorkflowId, (input: { csv: string; dry_run?: boolean }) => {
  const plan = checkVendorImportStep({ csv: input.csv })
  const created = when({ input }, ({ input }) => !input.dry_run).then(() => createImportedVendorsStep(plan))
  const report = transform({ plan, created, input }, ({ plan, created, input }) => {
    const rows = created ?? plan.report
    const count = (status: string) => rows.filter((r) => r.status === status).length
    return {
      dry_run: !!input.dry_run,
      summary: {
        rows: rows.length,
        valid: count("valid"),
        created: count("created"),
        exists: count("exists"),
        invalid: count("invalid"),
        failed: count("failed"),
      },
      rows,
    }
  })
  return new WorkflowResponse(report)
})
