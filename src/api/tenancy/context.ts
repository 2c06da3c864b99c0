import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { cachedResolution } from "../../lib/vendor-resolution-cache"
import { TEAM_MODULE } from "../../modules/team"
import type TeamModuleService from "../../modules/team/service"

/** What a vendor owns that requests are checked against (cached; any vendor change refreshes it). */
export type VendorScope = {
  vendor_id: string
  status: "pending" | "active" | "suspended"
  sales_channel_id: string | null
  stock_location_ids: string[]
}

export type TenantContext =
  | { kind: "platform"; user_id: string }
  | ({ kind: "vendor"; user_id: string; role: string } & VendorScope)

export type TenantRequest = MedusaRequest & { tenant?: TenantContext }

/** A vendor's scope: its sales channel and stock locations. Null when there is no such vendor. */
export async function loadVendorScope(req: MedusaRequest, vendorId: string): Promise<VendorScope | null> {
  return cachedResolution(req.scope.resolve(Modules.CACHE), `scope:${vendorId}`, async () => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [vendor],
    } = await query.graph({
      entity: "vendor",
      fields: ["id", "status", "sales_channel.id", "stock_locations.id"],
      filters: { id: vendorId },
    })
    if (!vendor) {
      return null
    }
    return {
      vendor_id: vendor.id,
      status: vendor.status as VendorScope["status"],
      sales_channel_id: vendor.sales_channel?.id ?? null,
      stock_location_ids: (vendor.stock_locations ?? []).flatMap((l) => (l ? [l.id] : [])),
    }
  })
}

/**
 * Who an admin user acts as: a platform admin (flagged on the user), or a
 * member of one vendor — the one named by `x-vendor-id` (or the session's
 * choice), or the only one the user has. Memberships are read on every
 * request, so a removed member loses access at once.
 */
export async function resolveAdminTenant(req: MedusaRequest, userId: string): Promise<TenantContext> {
  const [user] = await req.scope.resolve(Modules.USER).listUsers({ id: userId }, { select: ["id", "metadata"] })
  if (user?.metadata?.platform_admin === true) {
    return { kind: "platform", user_id: userId }
  }
  const team = req.scope.resolve<TeamModuleService>(TEAM_MODULE)
  const memberships = await team.listMemberships({ user_id: userId, active: true })
  const requested =
    req.get("x-vendor-id") || (req.session as { vendor_id?: string } | undefined)?.vendor_id || undefined

  let membership = memberships[0]
  if (requested) {
    membership = memberships.find((m) => m.vendor_id === requested)!
    if (!membership) {
      throw maartError("FORBIDDEN", ErrorCodes.VENDOR_ACCESS_DENIED, `You are not a member of vendor ${requested}.`)
    }
  } else if (memberships.length !== 1) {
    throw maartError(
      "INVALID_DATA",
      ErrorCodes.VENDOR_CONTEXT_REQUIRED,
      memberships.length
        ? "You belong to several vendors: name one with the x-vendor-id header."
        : "Your user belongs to no vendor."
    )
  }
  const scope = await loadVendorScope(req, membership.vendor_id)
  if (!scope) {
    throw maartError("FORBIDDEN", ErrorCodes.VENDOR_ACCESS_DENIED, `Vendor ${membership.vendor_id} no longer exists.`)
  }
  return { kind: "vendor", user_id: userId, role: membership.role, ...scope }
}
