import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export const softDeleteVendorStepId = "soft-delete-vendor"

/** Removes the vendor and its domains; compensation restores them. */
export const softDeleteVendorStep = createStep(
  softDeleteVendorStepId,
  async (vendorId: string, { container }) => {
    await container.resolve<TenancyModuleService>(TENANCY_MODULE).softDeleteVendors([vendorId])
    return new StepResponse(vendorId, vendorId)
  },
  async (vendorId, { container }) => {
    if (!vendorId) {
      return
    }
    await container.resolve<TenancyModuleService>(TENANCY_MODULE).restoreVendors([vendorId])
  }
)
