import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"
import { ErrorCodes, maartError } from "../../../lib/errors"

export const getVendorStepId = "get-vendor"

/** Loads a vendor or fails with VENDOR_NOT_FOUND. */
export const getVendorStep = createStep(getVendorStepId, async (input: { id: string }, { container }) => {
  const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
  const [vendor] = await tenancy.listVendors({ id: input.id })
  if (!vendor) {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `Vendor ${input.id} was not found.`)
  }
  return new StepResponse(vendor)
})
