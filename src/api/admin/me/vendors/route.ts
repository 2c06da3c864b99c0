import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { effectivePermissions } from "../../../../modules/team/permissions"
import { requestedVendorId } from "../../../tenancy/context"

/**
 * The vendors the signed-in user belongs to, with their role and permissions
 * in each, and which one is active (x-vendor-id, the session's choice, or the
 * only one).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "membership",
    fields: ["id", "vendor_id", "created_at", "role.id", "role.key", "role.name", "role.permissions"],
    filters: { user_id: req.auth_context.actor_id, active: true },
  })
  const { data: vendors } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "vendor",
    fields: ["id", "handle", "name", "status"],
    filters: { id: data.map((m) => m.vendor_id) },
  })
  const byId = new Map(vendors.map((v) => [v.id, v]))
  const memberships = data
    .filter((m) => byId.has(m.vendor_id))
    .map((m) => ({
      id: m.id,
      vendor: byId.get(m.vendor_id),
      role: { id: m.role.id, key: m.role.key, name: m.role.name },
      permissions: [...effectivePermissions(m.role.permissions as string[])],
    }))
  const requested = requestedVendorId(req)
  const active = memberships.find((m) => m.vendor!.id === requested) ?? (memberships.length === 1 ? memberships[0] : undefined)
  res.json({ memberships, active_vendor_id: active?.vendor!.id ?? null })
}
