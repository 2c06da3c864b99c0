import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createVendorWorkflow } from "../workflows/create-vendor"
import type { VendorImportPlan, VendorImportRow } from "./check-vendor-import"

export const createImportedVendorsStepId = "create-imported-vendors"

/**
 * Provisions each valid row with createVendorWorkflow. Rows are independent:
 * each vendor is created whole or not at all (its own workflow compensates),
 * and a failed row is reported without undoing the others.
 */
export const createImportedVendorsStep = createStep(createImportedVendorsStepId, async (plan: VendorImportPlan, { container }) => {
  const byLine = new Map(plan.report.map((r) => [r.line, r]))
  for (const row of plan.to_create) {
    const entry = byLine.get(row.line) as VendorImportRow
    const { result, errors } = await createVendorWorkflow(container).run({ input: row.input, throwOnError: false })
    if (errors?.length) {
      const error = errors[0].error as { code?: string; message: string }
      entry.status = "failed"
      entry.errors.push({ code: error.code && /^[A-Z_]+$/.test(error.code) ? error.code : "VENDOR_CREATION_FAILED", message: error.message })
    } else {
      entry.status = "created"
      entry.vendor_id = result.vendor.id
    }
  }
  return new StepResponse(plan.report)
})
