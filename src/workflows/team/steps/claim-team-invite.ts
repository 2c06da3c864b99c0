import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import TeamModuleService, { assertInviteUsable, hashInviteToken } from "../../../modules/team/service"

export const claimTeamInviteStepId = "claim-team-invite"

/**
 * Uses up an invitation: the token must match one (by its hash) that is not
 * revoked, used or expired, and was sent to the accepting person's email —
 * each refusal with its own code. Runs under the invitation's lock, so a token
 * is used once. Compensation makes it usable again.
 */
export const claimTeamInviteStep = createStep(
  claimTeamInviteStepId,
  async (input: { token: string; email: string }, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const [invite] = await team.listTeamInvites({ token_hash: hashInviteToken(input.token) }, { relations: ["role"] })
    assertInviteUsable(invite, input.email)
    await team.updateTeamInvites({ id: invite.id, accepted_at: new Date() })
    return new StepResponse(
      { id: invite.id, vendor_id: invite.vendor_id, role_id: invite.role.id, invited_by: invite.invited_by },
      invite.id
    )
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).updateTeamInvites({ id, accepted_at: null, accepted_by: null })
  }
)
