import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export type ValidateMembershipChangeInput = {
  vendor_id: string
  membership_id: string
  /** The new role (for a role change), checked to be the vendor's own. */
  role_id?: string
  active?: boolean
  remove?: boolean
}

export const validateMembershipChangeStepId = "validate-membership-change"

/**
 * A vendor always keeps one active Owner: demoting, deactivating or removing
 * the last one is refused. Runs under the team lock (see the workflows), so two
 * Owners cannot remove each other at the same time. Returns the membership with
 * its current role and the new role's permissions.
 */
export const validateMembershipChangeStep = createStep(validateMembershipChangeStepId, async (input: ValidateMembershipChangeInput, { container }) => {
  const team = container.resolve<TeamModuleService>(TEAM_MODULE)
  const [membership] = await team.listMemberships(
    { id: input.membership_id, vendor_id: input.vendor_id },
    { relations: ["role"], select: ["id", "user_id", "active", "role.id", "role.key", "role.permissions"] }
  )
  if (!membership) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No member ${input.membership_id}.`)
  }
  const [newRole] = input.role_id
    ? await team.listTeamRoles({ id: input.role_id, vendor_id: input.vendor_id }, { select: ["id", "key", "permissions"] })
    : [undefined]
  if (input.role_id && !newRole) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No role ${input.role_id}.`)
  }
  const wasOwner = membership.active && membership.role.key === "owner"
  const staysOwner = !input.remove && input.active !== false && (newRole ? newRole.key === "owner" : true)
  if (wasOwner && !staysOwner && (await team.countActiveOwners(input.vendor_id, [membership.id])) === 0) {
    throw maartError("NOT_ALLOWED", ErrorCodes.TEAM_LAST_OWNER, "This is the vendor's last Owner: make someone else Owner first.")
  }
  return new StepResponse({
    membership,
    current_permissions: membership.role.permissions as string[],
    new_permissions: (newRole?.permissions ?? []) as string[],
  })
})
