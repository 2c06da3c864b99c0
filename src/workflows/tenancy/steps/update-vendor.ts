import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"
import type { CreateVendorStepInput } from "./create-vendor"

export type UpdateVendorStepInput = Partial<CreateVendorStepInput> & { id: string; verified_at?: Date | null; stripe_account_id?: string | null }

export const updateVendorStepId = "update-vendor"

/** Updates one vendor; compensation puts back the fields it changed. */
export const updateVendorStep = createStep(
  updateVendorStepId,
  async ({ id, ...data }: UpdateVendorStepInput, { container }) => {
    const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
    const fields = Object.keys(data) as (keyof typeof data)[]
    const current = await tenancy.retrieveVendor(id, { select: ["id", ...fields] })
    const before = { id, ...Object.fromEntries(fields.map((f) => [f, current[f]])) } as UpdateVendorStepInput
    const vendor = await tenancy.updateVendors({ id, ...data })
    return new StepResponse(vendor, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const tenancy: TenancyModuleService = container.resolve(TENANCY_MODULE)
    await tenancy.updateVendors(before)
  }
)
