import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { cachedResolution } from "../../lib/vendor-resolution-cache"
import { TEAM_MODULE } from "../../modules/team"
import { effectivePermissions, type Permission } from "../../modules/team/permissions"
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
  | ({
      kind: "vendor"
      user_id: string
      membership_id: string
      role: { id: string; key: string | null; name: string }
      /** The role's permissions in the active vendor, with the implied ones. */
      permissions: Set<Permission>
    } & VendorScope)

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

/** An admin user's standing, read on every request: deactivation and platform rights act at once. */
export type AdminUser = { id: string; email: string; platform_admin: boolean; deactivated: boolean }

export async function loadAdminUser(req: MedusaRequest, userId: string): Promise<AdminUser> {
  const [user] = await req.scope.resolve(Modules.USER).listUsers({ id: userId }, { select: ["id", "email", "metadata"] })
  if (!user) {
    throw maartError("UNAUTHORIZED", ErrorCodes.USER_DEACTIVATED, "This user no longer exists.")
  }
  return {
    id: user.id,
    email: user.email,
    platform_admin: user.metadata?.platform_admin === true,
    deactivated: !!user.metadata?.deactivated_at,
  }
}

/** The vendor a request asks to act for: `x-vendor-id`, else the session's choice (POST /admin/me/vendor). */
export const requestedVendorId = (req: MedusaRequest): string | undefined =>
  req.get("x-vendor-id") || (req.session as { vendor_id?: string } | undefined)?.vendor_id || undefined

/**
 * Who an admin user acts as: a platform admin, or a member of one vendor —
 * the one named by `x-vendor-id` (or the session's choice), or the only one
 * the user has — with the permissions of their role there and nowhere else.
 * Memberships are read on every request, so a removed member loses access at once.
 */
export async function resolveAdminTenant(req: MedusaRequest, user: AdminUser): Promise<TenantContext> {
  if (user.platform_admin) {
    return { kind: "platform", user_id: user.id }
  }
  const memberships = await req.scope.resolve<TeamModuleService>(TEAM_MODULE).listActiveMemberships(user.id)
  const requested = requestedVendorId(req)

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
        ? "You belong to several vendors: choose one (POST /admin/me/vendor) or name it in the x-vendor-id header."
        : "Your user belongs to no vendor."
    )
  }
  const scope = await loadVendorScope(req, membership.vendor_id)
  if (!scope) {
    throw maartError("FORBIDDEN", ErrorCodes.VENDOR_ACCESS_DENIED, `Vendor ${membership.vendor_id} no longer exists.`)
  }
  const { role } = membership
  return {
    kind: "vendor",
    user_id: user.id,
    membership_id: membership.id,
    role: { id: role.id, key: role.key ?? null, name: role.name },
    permissions: effectivePermissions(role.permissions),
    ...scope,
  }
}

/**
 * The vendor a team route works on: the member's active vendor, or — for a
 * platform admin looking after a shop — the one named by `x-vendor-id`.
 */
export function activeVendorId(req: TenantRequest): string {
  const tenant = req.tenant
  if (tenant?.kind === "vendor") {
    return tenant.vendor_id
  }
  const named = req.get("x-vendor-id")
  if (!named) {
    throw maartError("INVALID_DATA", ErrorCodes.VENDOR_CONTEXT_REQUIRED, "Name the vendor in the x-vendor-id header.")
  }
  return named
}

/** What the acting user may hand out in their team: their role's permissions; null (anything) for a platform admin. */
export const actorPermissions = (req: TenantRequest): string[] | null =>
  req.tenant?.kind === "vendor" ? [...req.tenant.permissions] : null
