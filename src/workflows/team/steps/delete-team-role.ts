import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const deleteTeamRoleStepId = "delete-team-role"

/** Soft-deletes a custom role; compensation restores it. */
export const deleteTeamRoleStep = createStep(
  deleteTeamRoleStepId,
  async (id: string, { container }) => {
    await container.resolve<TeamModuleService>(TEAM_MODULE).softDeleteTeamRoles(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).restoreTeamRoles(id)
  }
)
