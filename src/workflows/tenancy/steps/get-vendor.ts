import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export const getVendorStepId = "get-vendor"

/** Loads a vendor or fails with VENDOR_NOT_FOUND. */
export const getVendorStep = createStep(getVendorStepId, async (input: { id: string }, { container }) => {
  const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
  const [vendor] = await tenancy.listVendors({ id: input.id })
  if (!vendor) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor ${input.id} was not found.`, "VENDOR_NOT_FOUND")
  }
  return new StepResponse(vendor)
})
