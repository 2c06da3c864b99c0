import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const createMembershipStepId = "create-membership"

/** Puts a user in a vendor's team with a role; compensation takes them out again. */
export const createMembershipStep = createStep(
  createMembershipStepId,
  async (input: { vendor_id: string; user_id: string; role_id: string; invited_by?: string | null }, { container }) => {
    const team: TeamModuleService = container.resolve(TEAM_MODULE)
    const membership = await team.createMemberships(input)
    return new StepResponse(membership, membership.id)
  },
  async (membershipId, { container }) => {
    if (!membershipId) {
      return
    }
    const team: TeamModuleService = container.resolve(TEAM_MODULE)
    await team.deleteMemberships(membershipId)
  }
)
