import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const createDefaultRolesStepId = "create-default-roles"

/** A new vendor's Owner, Manager, Editor and Viewer roles; compensation deletes them. */
export const createDefaultRolesStep = createStep(
  createDefaultRolesStepId,
  async (input: { vendor_id: string }, { container }) => {
    const roles = await container.resolve<TeamModuleService>(TEAM_MODULE).createDefaultRoles(input.vendor_id)
    return new StepResponse(roles, roles.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).deleteTeamRoles(ids)
  }
)
