import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const softDeleteVendorMembershipsStepId = "soft-delete-vendor-memberships"

/** Ends every membership in a vendor's team; compensation restores them. */
export const softDeleteVendorMembershipsStep = createStep(
  softDeleteVendorMembershipsStepId,
  async (vendorId: string, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const ids = (await team.listMemberships({ vendor_id: vendorId }, { select: ["id"] })).map((m) => m.id)
    await team.softDeleteMemberships(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<TeamModuleService>(TEAM_MODULE).restoreMemberships(ids)
  }
)
