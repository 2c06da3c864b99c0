import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export type JoinTeamInput = { invite_id: string; vendor_id: string; user_id: string; role_id: string; invited_by: string | null }

type JoinUndo = { created: string } | { reactivated: { id: string; role_id: string } }

export const joinTeamStepId = "join-team"

/**
 * Makes the invitee a member with the invited role — or brings a deactivated
 * membership back with it — and records who accepted. An active member
 * cannot join twice. Compensation restores the membership as it was.
 */
export const joinTeamStep = createStep(
  joinTeamStepId,
  async (input: JoinTeamInput, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const [existing] = await team.listMemberships({ vendor_id: input.vendor_id, user_id: input.user_id }, { select: ["id", "active", "role_id"] })
    if (existing?.active) {
      throw maartError("CONFLICT", ErrorCodes.TEAM_ALREADY_MEMBER, "You are already in this team.")
    }
    const membership = existing
      ? await team.updateMemberships({ id: existing.id, active: true, role_id: input.role_id })
      : await team.createMemberships({ vendor_id: input.vendor_id, user_id: input.user_id, role_id: input.role_id, invited_by: input.invited_by })
    await team.updateTeamInvites({ id: input.invite_id, accepted_by: input.user_id })
    const undo: JoinUndo = existing ? { reactivated: { id: existing.id, role_id: existing.role_id } } : { created: membership.id }
    return new StepResponse(membership, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    if ("created" in undo) {
      await team.deleteMemberships(undo.created)
    } else {
      await team.updateMemberships({ ...undo.reactivated, active: false })
    }
  }
)
