import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { teamInviteTtlHours } from "../../../lib/env"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TEAM_MODULE } from "../../../modules/team"
import TeamModuleService, { newInviteToken } from "../../../modules/team/service"

export const rotateTeamInviteTokenStepId = "rotate-team-invite-token"

/**
 * For a resend: a pending (or expired, never used) invitation gets a new token
 * and a new expiry — the link in the earlier email stops working. Compensation
 * puts the old hash and expiry back.
 */
export const rotateTeamInviteTokenStep = createStep(
  rotateTeamInviteTokenStepId,
  async (input: { id: string; vendor_id: string }, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const [before] = await team.listTeamInvites({ id: input.id, vendor_id: input.vendor_id })
    if (!before) {
      throw maartError("NOT_FOUND", ErrorCodes.INVITE_NOT_FOUND, `No invitation ${input.id}.`)
    }
    if (before.accepted_at) {
      throw maartError("NOT_ALLOWED", ErrorCodes.INVITE_USED, "This invitation has already been accepted.")
    }
    if (before.revoked_at) {
      throw maartError("NOT_ALLOWED", ErrorCodes.INVITE_REVOKED, "This invitation was revoked: send a new one.")
    }
    const { token, token_hash } = newInviteToken()
    const invite = await team.updateTeamInvites({
      id: input.id,
      token_hash,
      expires_at: new Date(Date.now() + teamInviteTtlHours() * 3600_000),
    })
    return new StepResponse({ invite, token }, { id: input.id, token_hash: before.token_hash, expires_at: before.expires_at })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).updateTeamInvites(before)
  }
)
