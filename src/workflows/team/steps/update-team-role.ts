import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export type UpdateTeamRoleInput = { id: string; name?: string; description?: string | null; permissions?: string[] }

export const updateTeamRoleStepId = "update-team-role"

/** Changes a role's name, description or permissions; compensation puts them back. */
export const updateTeamRoleStep = createStep(
  updateTeamRoleStepId,
  async ({ id, ...data }: UpdateTeamRoleInput, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const before = await team.retrieveTeamRole(id, { select: ["id", "name", "description", "permissions"] })
    const role = await team.updateTeamRoles({ id, ...data, ...(data.name ? { name: data.name.trim() } : {}) })
    return new StepResponse(role, { id, name: before.name, description: before.description, permissions: before.permissions })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).updateTeamRoles(before)
  }
)
