import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export const validateTeamInviteStepId = "validate-team-invite"

/**
 * Before inviting: the role is the vendor's, the person is not already in the
 * team, and no invitation to them is pending (resend that one instead — a
 * retried request never sends two). Returns the vendor and role for the email.
 */
export const validateTeamInviteStep = createStep(
  validateTeamInviteStepId,
  async (input: { vendor_id: string; email: string; role_id: string }, { container }) => {
    const team = container.resolve<TeamModuleService>(TEAM_MODULE)
    const [vendor] = await container.resolve<TenancyModuleService>(TENANCY_MODULE).listVendors({ id: input.vendor_id }, { select: ["id", "name"] })
    if (!vendor) {
      throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `No vendor ${input.vendor_id}.`)
    }
    const [role] = await team.listTeamRoles({ id: input.role_id, vendor_id: input.vendor_id }, { select: ["id", "name", "permissions"] })
    if (!role) {
      throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No role ${input.role_id}.`)
    }
    const [user] = await container.resolve(Modules.USER).listUsers({ email: input.email }, { select: ["id"] })
    if (user && (await team.listMemberships({ vendor_id: input.vendor_id, user_id: user.id, active: true }, { select: ["id"] })).length) {
      throw maartError("CONFLICT", ErrorCodes.TEAM_ALREADY_MEMBER, `${input.email} is already in the team.`)
    }
    const pending = await team.listTeamInvites(
      { vendor_id: input.vendor_id, email: input.email, accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } },
      { select: ["id"] }
    )
    if (pending.length) {
      throw maartError("CONFLICT", ErrorCodes.INVITE_PENDING, `${input.email} already has a pending invitation: resend it instead.`, {
        invite_id: pending[0].id,
      })
    }
    return new StepResponse({ vendor, role: { id: role.id, name: role.name, permissions: role.permissions as string[] } })
  }
)
