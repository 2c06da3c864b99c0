import { promises as dns } from "node:dns"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export const DOMAIN_TXT_PREFIX = "_maart-verification"

/** What the domain's owner publishes to prove it: a TXT record `_maart-verification.<host>` = token. */
export const verificationRecord = (hostname: string, token: string) => ({
  type: "TXT",
  name: `${DOMAIN_TXT_PREFIX}.${hostname}`,
  value: token,
})

export const verifyVendorDomainStepId = "verify-vendor-domain"

/**
 * Marks a vendor's domain verified once its TXT record carries the token, or
 * at once when a platform admin confirms it (`confirmed`, e.g. checked by
 * hand). Compensation unverifies it again.
 */
export const verifyVendorDomainStep = createStep(
  verifyVendorDomainStepId,
  async (input: { vendor_id: string; domain_id: string; confirmed?: boolean }, { container }) => {
    const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
    const [domain] = await tenancy.listVendorDomains({ id: input.domain_id, vendor: { id: input.vendor_id } } as never)
    if (!domain) {
      throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No domain ${input.domain_id} for this vendor.`)
    }
    if (domain.verified_at) {
      return new StepResponse(domain, "") // already verified: nothing to undo
    }
    if (!input.confirmed) {
      const record = verificationRecord(domain.hostname, domain.verification_token ?? "")
      const resolver = new dns.Resolver({ timeout: 3000, tries: 2 })
      const found = await resolver.resolveTxt(record.name).then((rows) => rows.map((r) => r.join("")), () => [] as string[])
      if (!found.includes(record.value)) {
        throw maartError("NOT_ALLOWED", ErrorCodes.VENDOR_DOMAIN_UNVERIFIED, `The TXT record ${record.name} does not carry the token yet.`, { record, found })
      }
    }
    const verified = await tenancy.updateVendorDomains({ id: domain.id, verified_at: new Date() })
    return new StepResponse(verified, domain.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TenancyModuleService>(TENANCY_MODULE).updateVendorDomains({ id, verified_at: null })
  }
)
