import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export type UpdateMembershipInput = { id: string; role_id?: string; active?: boolean }

export const updateMembershipStepId = "update-membership"

/** Changes a member's role or active flag; compensation puts them back. */
export const updateMembershipStep = createStep(
  updateMembershipStepId,
  async ({ id, ...data }: UpdateMembershipInput, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const before = await team.retrieveMembership(id, { select: ["id", "role_id", "active"] })
    const membership = await team.updateMemberships({ id, ...data })
    return new StepResponse(membership, { id, role_id: before.role_id, active: before.active })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).updateMemberships(before)
  }
)
