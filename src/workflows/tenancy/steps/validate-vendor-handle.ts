import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import { handleProblem, normalizeHandle } from "../../../modules/tenancy/handles"
import type TenancyModuleService from "../../../modules/tenancy/service"

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
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Handle "${input.handle}" is not valid: use 2–63 lower-case letters, digits and single hyphens, not at either end.`,
        "VENDOR_HANDLE_INVALID"
      )
    }
    if (problem === "HANDLE_RESERVED") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Handle "${handle}" is reserved by the platform.`,
        "VENDOR_HANDLE_RESERVED"
      )
    }
    const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
    const [taken] = await tenancy.listVendors({ handle }, { select: ["id"], withDeleted: false })
    if (taken && taken.id !== input.except_vendor_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Handle "${handle}" is already taken.`, "VENDOR_HANDLE_TAKEN")
    }
    return new StepResponse(handle)
  }
)
