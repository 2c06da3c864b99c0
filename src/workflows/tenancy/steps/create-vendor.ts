import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export type CreateVendorStepInput = {
  handle: string
  name: string
  status?: "pending" | "active" | "suspended"
  email?: string | null
  phone?: string | null
  address?: Record<string, unknown> | null
  default_language?: string
  languages?: string[]
  theme?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
}

export const createVendorStepId = "create-vendor"

/** Creates the vendor record; compensation removes it for good. */
export const createVendorStep = createStep(
  createVendorStepId,
  async (input: CreateVendorStepInput, { container }) => {
    const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
    const vendor = await tenancy.createVendors(input)
    return new StepResponse(vendor, vendor.id)
  },
  async (vendorId, { container }) => {
    if (!vendorId) {
      return
    }
    const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
    await tenancy.deleteVendors(vendorId)
  }
)
