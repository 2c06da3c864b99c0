import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export type CreateTeamRoleInput = { vendor_id: string; name: string; description?: string | null; permissions: string[] }

export const createTeamRoleStepId = "create-team-role"

/** A custom role in a vendor's team; compensation deletes it. */
export const createTeamRoleStep = createStep(
  createTeamRoleStepId,
  async (input: CreateTeamRoleInput, { container }) => {
    const role = await container.resolve<TeamModuleService>(TEAM_MODULE).createTeamRoles({ ...input, name: input.name.trim(), key: null })
    return new StepResponse(role, role.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).deleteTeamRoles(id)
  }
)
