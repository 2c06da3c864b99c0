import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptTeamInviteWorkflow } from "../../../../../workflows/team/workflows/accept-team-invite"
import type { AdminAcceptTeamInviteType } from "../../validators"

// Authentication is set in middlewares.ts: a new person has a registration token, not a user yet.
export const AUTHENTICATE = false

/**
 * Accepts a team invitation as the signed-in user, or — with the token of a
 * just-registered email/password identity — as a new user. Answers the
 * membership; a new user then logs in as usual.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAcceptTeamInviteType>, res: MedusaResponse) {
  const { token, first_name, last_name } = req.validatedBody
  const { result } = await acceptTeamInviteWorkflow(req.scope).run({
    input: {
      token,
      first_name,
      last_name,
      user_id: req.auth_context.actor_id || null,
      auth_identity_id: req.auth_context.auth_identity_id || null,
    },
  })
  res.json({ member: { id: result.id, vendor_id: result.vendor_id, user_id: result.user_id, role_id: result.role_id } })
}
