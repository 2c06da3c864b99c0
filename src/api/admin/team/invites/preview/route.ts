import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TEAM_MODULE } from "../../../../../modules/team"
import TeamModuleService, { assertInviteUsable, hashInviteToken } from "../../../../../modules/team/service"
import type { AdminPreviewTeamInviteType } from "../../validators"

// The token is the key: the accept page asks before anyone has signed in.
export const AUTHENTICATE = false

/**
 * What an invitation link is for — email, vendor, role, expiry — or why it
 * cannot be used (INVITE_NOT_FOUND, _REVOKED, _USED, _EXPIRED). POST, so the
 * token stays out of access logs.
 */
export async function POST(req: MedusaRequest<AdminPreviewTeamInviteType>, res: MedusaResponse) {
  const team = req.scope.resolve<TeamModuleService>(TEAM_MODULE)
  const [invite] = await team.listTeamInvites({ token_hash: hashInviteToken(req.validatedBody.token) }, { relations: ["role"] })
  assertInviteUsable(invite)
  const {
    data: [vendor],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "vendor", fields: ["name"], filters: { id: invite.vendor_id } })
  res.json({ invite: { email: invite.email, expires_at: invite.expires_at, vendor: { name: vendor?.name }, role: { name: invite.role.name } } })
}
