import crypto from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export const createVendorDomainStepId = "create-vendor-domain"

/** Adds an unverified domain with the token its owner publishes in DNS; compensation removes it. */
export const createVendorDomainStep = createStep(
  createVendorDomainStepId,
  async (input: { vendor_id: string; hostname: string; kind?: "custom" | "subdomain" }, { container }) => {
    const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
    const domain = await tenancy.createVendorDomains({
      vendor_id: input.vendor_id,
      hostname: input.hostname,
      kind: input.kind ?? "custom",
      verification_token: crypto.randomBytes(16).toString("hex"),
    } as never)
    return new StepResponse(domain, domain.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TenancyModuleService>(TENANCY_MODULE).deleteVendorDomains([id])
  }
)
