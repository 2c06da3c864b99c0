import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"

/** Exactly one: these users, the members of one vendor, or every user. */
export type PasswordResetSelection = { user_ids?: string[]; vendor_id?: string; all?: boolean }

export type PasswordResetCandidate = { id: string; email: string; deactivated: boolean }

export const selectPasswordResetUsersStepId = "select-password-reset-users"

/**
 * The users a mass password reset is for: named ids (an unknown one fails the
 * whole request with NOT_FOUND before anything changes), every member of a
 * vendor — active or not (VENDOR_NOT_FOUND for an unknown vendor) — or all users.
 * Sorted by email, for a stable report.
 */
export const selectPasswordResetUsersStep = createStep(
  selectPasswordResetUsersStepId,
  async (input: PasswordResetSelection, { container }) => {
    const selectors = [input.user_ids !== undefined, input.vendor_id !== undefined, input.all === true].filter(Boolean)
    if (selectors.length !== 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give exactly one of user_ids, vendor_id or all.")
    }
    let ids: string[] | undefined
    if (input.user_ids) {
      ids = [...new Set(input.user_ids)]
    } else if (input.vendor_id) {
      const {
        data: [vendor],
      } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "vendor", fields: ["id"], filters: { id: input.vendor_id } })
      if (!vendor) {
        throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `Vendor ${input.vendor_id} was not found.`)
      }
      const memberships = await container.resolve<TeamModuleService>(TEAM_MODULE).listMemberships({ vendor_id: input.vendor_id }, { select: ["user_id"] })
      ids = [...new Set(memberships.map((m) => m.user_id))]
    }
    const users = ids?.length === 0 ? [] : await container.resolve(Modules.USER).listUsers(ids ? { id: ids } : {}, { select: ["id", "email", "metadata"] })
    if (input.user_ids) {
      const missing = ids!.filter((id) => !users.some((u) => u.id === id))
      if (missing.length) {
        throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No user ${missing.join(", ")}.`, { user_ids: missing })
      }
    }
    const candidates: PasswordResetCandidate[] = users
      .map((u) => ({ id: u.id, email: u.email, deactivated: !!u.metadata?.deactivated_at }))
      .sort((a, b) => a.email.localeCompare(b.email))
    return new StepResponse(candidates)
  }
)
