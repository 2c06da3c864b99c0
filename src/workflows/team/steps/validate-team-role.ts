import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

export type ValidateTeamRoleInput = {
  vendor_id: string
  /** The role changed or deleted; absent for a new one. */
  id?: string
  name?: string
  change: "create" | "update" | "delete"
}

export const validateTeamRoleStepId = "validate-team-role"

/**
 * The rules of a vendor's roles: names are unique in the vendor; the Owner
 * cannot be changed; default roles cannot be deleted, nor can a role that
 * members or pending invitations still hold. Returns the role as it is.
 */
export const validateTeamRoleStep = createStep(validateTeamRoleStepId, async (input: ValidateTeamRoleInput, { container }) => {
  const team = container.resolve<TeamModuleService>(TEAM_MODULE)
  const [role] = input.id
    ? await team.listTeamRoles({ id: input.id, vendor_id: input.vendor_id }, { select: ["id", "key", "name", "permissions"] })
    : [undefined]
  if (input.id && !role) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No role ${input.id}.`)
  }
  if (role?.key === "owner" || (input.change === "delete" && role?.key)) {
    throw maartError("NOT_ALLOWED", ErrorCodes.TEAM_ROLE_PROTECTED, `The ${role.name} role is built in and cannot be ${input.change === "delete" ? "deleted" : "changed"}.`)
  }
  if (input.name) {
    const same = await team.listTeamRoles({ vendor_id: input.vendor_id }, { select: ["id", "name"] })
    if (same.some((r) => r.id !== input.id && r.name.toLowerCase() === input.name!.trim().toLowerCase())) {
      throw maartError("CONFLICT", ErrorCodes.TEAM_ROLE_NAME_TAKEN, `There is already a role named ${input.name}.`)
    }
  }
  if (input.change === "delete") {
    const [members, invites] = await Promise.all([
      team.listMemberships({ role_id: input.id }, { select: ["id"] }),
      team.listTeamInvites({ role_id: input.id, accepted_at: null, revoked_at: null }, { select: ["id"] }),
    ])
    if (members.length || invites.length) {
      throw maartError("CONFLICT", ErrorCodes.TEAM_ROLE_IN_USE, `${members.length} member(s) and ${invites.length} invitation(s) still have this role: give them another first.`, {
        members: members.length,
        invites: invites.length,
      })
    }
  }
  return new StepResponse(role ?? null)
})
