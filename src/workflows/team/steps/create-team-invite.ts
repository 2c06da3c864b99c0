import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { teamInviteTtlHours } from "../../../lib/env"
import { TEAM_MODULE } from "../../../modules/team"
import TeamModuleService, { newInviteToken } from "../../../modules/team/service"

export const createTeamInviteStepId = "create-team-invite"

/**
 * Stores an invitation with the hash of a fresh random token and its expiry
 * (TEAM_INVITE_TTL_HOURS, default 72 h). The token itself only travels on to
 * the email. Compensation deletes the invitation.
 */
export const createTeamInviteStep = createStep(
  createTeamInviteStepId,
  async (input: { vendor_id: string; email: string; role_id: string; invited_by: string | null }, { container }) => {
    const { token, token_hash } = newInviteToken()
    const invite = await container.resolve<TeamModuleService>(TEAM_MODULE).createTeamInvites({
      ...input,
      token_hash,
      expires_at: new Date(Date.now() + teamInviteTtlHours() * 3600_000),
    })
    return new StepResponse({ invite, token }, invite.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).deleteTeamInvites(id)
  }
)
