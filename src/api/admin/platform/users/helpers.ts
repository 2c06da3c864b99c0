import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import { TEAM_MODULE } from "../../../../modules/team"
import type TeamModuleService from "../../../../modules/team/service"
import { platformUserFields } from "./query-config"

type UserRow = { id: string; metadata?: Record<string, unknown> | null; [field: string]: unknown }

/**
 * The user filters of GET /admin/platform/users: `q` as Medusa's user search (email, names),
 * `vendor_id` through the vendor's memberships, `status` on `metadata.deactivated_at`.
 * Null when no user can match (a vendor without members).
 */
export async function platformUserFilters(
  req: MedusaRequest,
  { vendor_id, status, ...rest }: Record<string, unknown>
): Promise<Record<string, unknown> | null> {
  const and: Record<string, unknown>[] = [rest]
  if (typeof vendor_id === "string") {
    const memberships = await req.scope.resolve<TeamModuleService>(TEAM_MODULE).listMemberships({ vendor_id }, { select: ["user_id"] })
    if (!memberships.length) {
      return null
    }
    and.push({ id: [...new Set(memberships.map((m) => m.user_id))] })
  }
  if (status === "deactivated") {
    and.push({ metadata: { deactivated_at: { $gt: "" } } })
  } else if (status === "active") {
    and.push({ $or: [{ metadata: null }, { metadata: { deactivated_at: null } }, { metadata: { deactivated_at: "" } }] })
  }
  return and.length === 1 ? rest : { $and: and }
}

/**
 * Users as platform admins see them: their columns, `platform_admin`,
 * `deactivated_at` / `deactivated_by` (from metadata, which is not exposed
 * whole), and every membership with its vendor (id, handle, name, status) and role.
 */
export async function withMemberships(req: MedusaRequest, users: UserRow[]) {
  if (!users.length) {
    return []
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: memberships } = await query.graph({
    entity: "membership",
    fields: ["id", "vendor_id", "user_id", "active", "role.id", "role.key", "role.name"],
    filters: { user_id: users.map((u) => u.id) },
  })
  const vendorIds = [...new Set(memberships.map((m) => m.vendor_id))]
  const { data: vendors } = vendorIds.length
    ? await query.graph({ entity: "vendor", fields: ["id", "handle", "name", "status"], filters: { id: vendorIds } })
    : { data: [] }
  const vendorById = new Map(vendors.map((v) => [v.id, v]))
  return users.map(({ metadata, ...user }) => ({
    ...user,
    platform_admin: metadata?.platform_admin === true,
    deactivated_at: metadata?.deactivated_at || null,
    deactivated_by: metadata?.deactivated_by || null,
    memberships: memberships
      .filter((m) => m.user_id === user.id)
      .map((m) => ({ id: m.id, active: m.active, vendor: vendorById.get(m.vendor_id) ?? { id: m.vendor_id }, role: m.role })),
  }))
}

/** One user for a response, with memberships; NOT_FOUND when there is none. */
export async function refetchPlatformUser(req: MedusaRequest, id: string) {
  const {
    data: [user],
  } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "user", fields: [...platformUserFields, "metadata"], filters: { id } })
  if (!user) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No user ${id}.`)
  }
  const [withTeams] = await withMemberships(req, [user])
  return withTeams
}
