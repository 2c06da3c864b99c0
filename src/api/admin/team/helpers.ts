import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { teamInviteFields, teamMemberFields, teamRoleFields } from "./query-config"

const FIELDS = { membership: teamMemberFields, team_role: teamRoleFields, team_invite: teamInviteFields }

/** Re-reads one team record of a vendor for the response; NOT_FOUND when it is not there. */
export async function refetchTeamRecord(req: MedusaRequest, entity: keyof typeof FIELDS, id: string, vendorId: string) {
  const {
    data: [record],
  } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity, fields: FIELDS[entity], filters: { id, vendor_id: vendorId } })
  if (!record) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No ${entity.replace("team_", "").replace("_", " ")} ${id}.`)
  }
  return record
}

/** One invitation of a vendor for the response, with its status. */
export async function refetchTeamInvite(req: MedusaRequest, id: string, vendorId: string) {
  const invite = (await refetchTeamRecord(req, "team_invite", id, vendorId)) as Record<string, unknown> & { expires_at: string | Date }
  return { ...invite, status: inviteStatus(invite) }
}

/** An invitation's state, derived from its dates. */
export const inviteStatus = (invite: { accepted_at?: unknown; revoked_at?: unknown; expires_at: string | Date }) =>
  invite.accepted_at ? "accepted" : invite.revoked_at ? "revoked" : new Date(invite.expires_at) <= new Date() ? "expired" : "pending"

/** How the acting user signs invitation emails. */
export async function inviterName(req: MedusaRequest & { auth_context?: { actor_id: string } }) {
  const id = req.auth_context?.actor_id
  if (!id) {
    return null
  }
  const {
    data: [user],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "user", fields: ["email", "first_name", "last_name"], filters: { id } })
  return user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : null
}
