import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import { normalizeHost } from "../../../modules/tenancy/handles"
import type TenancyModuleService from "../../../modules/tenancy/service"

const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export const validateVendorDomainStepId = "validate-vendor-domain"

/** A host name a shop may answer on: well-formed, and no other shop's. Returns it normalized. */
export const validateVendorDomainStep = createStep(
  validateVendorDomainStepId,
  async (input: { vendor_id: string; hostname: string }, { container }) => {
    const hostname = normalizeHost(input.hostname)
    if (!HOSTNAME.test(hostname)) {
      throw maartError("INVALID_DATA", ErrorCodes.VENDOR_DOMAIN_INVALID, `"${input.hostname}" is not a host name (e.g. shop.example.lu).`)
    }
    const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
    await tenancy.retrieveVendor(input.vendor_id, { select: ["id"] }).catch(() => {
      throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `Vendor ${input.vendor_id} was not found.`)
    })
    const [taken] = await tenancy.listVendorDomains({ hostname }, { select: ["id"] })
    if (taken) {
      throw maartError("CONFLICT", ErrorCodes.VENDOR_DOMAIN_TAKEN, `${hostname} is already a shop's domain.`)
    }
    return new StepResponse(hostname)
  }
)
