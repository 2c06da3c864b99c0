import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export const deleteVendorDomainStepId = "delete-vendor-domain"

/** Removes one of a vendor's domains; compensation restores it. */
export const deleteVendorDomainStep = createStep(
  deleteVendorDomainStepId,
  async (input: { vendor_id: string; domain_id: string }, { container }) => {
    const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
    const [domain] = await tenancy.listVendorDomains({ id: input.domain_id, vendor: { id: input.vendor_id } } as never, { select: ["id"] })
    if (!domain) {
      throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No domain ${input.domain_id} for this vendor.`)
    }
    await tenancy.softDeleteVendorDomains([domain.id])
    return new StepResponse(domain.id, domain.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TenancyModuleService>(TENANCY_MODULE).restoreVendorDomains([id])
  }
)
