import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const softDeleteVendorTeamStepId = "soft-delete-vendor-team"

type TeamIds = { memberships: string[]; invites: string[]; roles: string[] }

/** Ends a vendor's team — memberships, pending invitations, roles; compensation restores them. */
export const softDeleteVendorTeamStep = createStep(
  softDeleteVendorTeamStepId,
  async (vendorId: string, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const ids: TeamIds = {
      memberships: (await team.listMemberships({ vendor_id: vendorId }, { select: ["id"] })).map((m) => m.id),
      invites: (await team.listTeamInvites({ vendor_id: vendorId }, { select: ["id"] })).map((i) => i.id),
      roles: (await team.listTeamRoles({ vendor_id: vendorId }, { select: ["id"] })).map((r) => r.id),
    }
    await team.softDeleteMemberships(ids.memberships)
    await team.softDeleteTeamInvites(ids.invites)
    await team.softDeleteTeamRoles(ids.roles)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids) {
      return
    }
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    await team.restoreTeamRoles(ids.roles)
    await team.restoreTeamInvites(ids.invites)
    await team.restoreMemberships(ids.memberships)
  }
)
