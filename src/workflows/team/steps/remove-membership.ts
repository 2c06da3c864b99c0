import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const removeMembershipStepId = "remove-membership"

/** Takes a member out of the team (soft delete: the history stays); compensation restores them. */
export const removeMembershipStep = createStep(
  removeMembershipStepId,
  async (id: string, { container }) => {
    await container.resolve<TeamModuleService>(TEAM_MODULE).softDeleteMemberships(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).restoreMemberships(id)
  }
)
