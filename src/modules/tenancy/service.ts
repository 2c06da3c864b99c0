import { MedusaService } from "@medusajs/framework/utils"
import { normalizeHandle, normalizeHost } from "./handles"
import Vendor from "./models/vendor"
import VendorDomain from "./models/vendor-domain"

type ModuleOptions = { platform_domain?: string }

export type HostMatch = { vendor_id: string; matched_by: "subdomain" | "domain" | "handle" }

/**
 * Vendors (tenants) and the host names their shops answer on. Generated CRUD
 * from MedusaService; the rules (handles, domains, status changes) live in the
 * tenancy workflows' validate steps.
 */
class TenancyModuleService extends MedusaService({ Vendor, VendorDomain }) {
  protected readonly platformDomain: string

  constructor(deps: Record<string, unknown>, options: ModuleOptions = {}) {
    super(...arguments)
    this.platformDomain = normalizeHost(options.platform_domain || "maart.localhost")
  }

  /** The platform subdomain a vendor's shop always answers on. */
  subdomainOf(handle: string): string {
    return `${handle}.${this.platformDomain}`
  }

  /**
   * Which vendor a request's host belongs to: `<handle>.<platform domain>`, a
   * verified custom domain, or — for path mode — a bare handle. Ports, case and
   * trailing dots are ignored. Returns null when nothing matches.
   */
  async matchHost({ host, handle }: { host?: string; handle?: string }): Promise<HostMatch | null> {
    if (handle) {
      const [vendor] = await this.listVendors({ handle: normalizeHandle(handle) }, { select: ["id"] })
      return vendor ? { vendor_id: vendor.id, matched_by: "handle" } : null
    }
    const name = normalizeHost(host ?? "")
    if (!name) {
      return null
    }
    const suffix = `.${this.platformDomain}`
    if (name.endsWith(suffix)) {
      const label = name.slice(0, -suffix.length)
      if (!label.includes(".")) {
        const [vendor] = await this.listVendors({ handle: label }, { select: ["id"] })
        if (vendor) {
          return { vendor_id: vendor.id, matched_by: "subdomain" }
        }
      }
    }
    const [domain] = await this.listVendorDomains(
      { hostname: name, verified_at: { $ne: null } },
      { select: ["id", "vendor_id"] }
    )
    return domain ? { vendor_id: (domain as unknown as { vendor_id: string }).vendor_id, matched_by: "domain" } : null
  }
}

export default TenancyModuleService
