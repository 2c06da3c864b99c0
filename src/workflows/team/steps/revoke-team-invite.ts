import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const revokeTeamInviteStepId = "revoke-team-invite"

/**
 * Revokes an invitation that has not been used: its link then answers
 * INVITE_REVOKED. Revoking twice is harmless. Compensation un-revokes.
 */
export const revokeTeamInviteStep = createStep(
  revokeTeamInviteStepId,
  async (input: { id: string; vendor_id: string }, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const [invite] = await team.listTeamInvites({ id: input.id, vendor_id: input.vendor_id })
    if (!invite) {
      throw maartError("NOT_FOUND", ErrorCodes.INVITE_NOT_FOUND, `No invitation ${input.id}.`)
    }
    if (invite.accepted_at) {
      throw maartError("NOT_ALLOWED", ErrorCodes.INVITE_USED, "This invitation has already been accepted: remove the member instead.")
    }
    if (invite.revoked_at) {
      return new StepResponse(invite, null as string | null)
    }
    const revoked = await team.updateTeamInvites({ id: input.id, revoked_at: new Date() })
    return new StepResponse(revoked, input.id as string | null)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).updateTeamInvites({ id, revoked_at: null })
  }
)
