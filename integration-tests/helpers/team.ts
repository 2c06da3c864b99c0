import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { TEAM_MODULE } from "../../src/modules/team"
import type TeamModuleService from "../../src/modules/team/service"
import { adminHeaders } from "./platform"

/**
 * A user with an email/password login who is a member of a vendor with one of its
 * roles (by key or id) — made directly in the modules, for tests about what
 * members may do rather than how they joined.
 */
export async function addMember(
  api: AxiosInstance,
  container: MedusaContainer,
  vendorId: string,
  email: string,
  role: string,
  password = "password-1"
) {
  const team = container.resolve<TeamModuleService>(TEAM_MODULE)
  const [teamRole] = await team.listTeamRoles(role.startsWith("role_") ? { id: role, vendor_id: vendorId } : { key: role as "viewer", vendor_id: vendorId })
  const users = container.resolve(Modules.USER)
  let [user] = await users.listUsers({ email })
  if (!user) {
    await api.post("/auth/user/emailpass/register", { email, password })
    user = await users.createUsers({ email })
    const [identity] = await container.resolve(Modules.AUTH).listAuthIdentities({ provider_identities: { entity_id: email } })
    await container.resolve(Modules.AUTH).updateAuthIdentities({ id: identity.id, app_metadata: { user_id: user.id } })
  }
  const membership = await team.createMemberships({ vendor_id: vendorId, user_id: user.id, role_id: teamRole.id })
  return { user, membership, headers: await adminHeaders(api, email, password) }
}

/** Request options with a vendor chosen per request. */
export const asVendor = (headers: { headers: Record<string, string> }, vendorId: string) => ({
  headers: { ...headers.headers, "x-vendor-id": vendorId },
})
