import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import { handleProblem, normalizeHandle } from "../../../modules/tenancy/handles"
import type TenancyModuleService from "../../../modules/tenancy/service"
import { ErrorCodes, maartError } from "../../../lib/errors"

export const validateVendorHandleStepId = "validate-vendor-handle"

/**
 * Refuses a handle that is malformed, reserved, or taken by another vendor
 * (`except_vendor_id` lets a vendor keep its own). Returns the normalized handle.
 */
export const validateVendorHandleStep = createStep(
  validateVendorHandleStepId,
  async (input: { handle: string; except_vendor_id?: string }, { container }) => {
    const handle = normalizeHandle(input.handle)
    const problem = handleProblem(handle)
    if (problem === "HANDLE_INVALID") {
      throw maartError("INVALID_DATA", ErrorCodes.VENDOR_HANDLE_INVALID, `Handle "${input.handle}" is not valid: use 2–63 lower-case letters, digits and single hyphens, not at either end.`)
    }
    if (problem === "HANDLE_RESERVED") {
      throw maartError("INVALID_DATA", ErrorCodes.VENDOR_HANDLE_RESERVED, `Handle "${handle}" is reserved by the platform.`)
    }
    const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
    const [taken] = await tenancy.listVendors({ handle }, { select: ["id"], withDeleted: false })
    if (taken && taken.id !== input.except_vendor_id) {
      throw maartError("CONFLICT", ErrorCodes.VENDOR_HANDLE_TAKEN, `Handle "${handle}" is already taken.`)
    }
    return new StepResponse(handle)
  }
)
