import { createStep } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type GrantInput = {
  /** The acting member's permissions; null for a platform admin, who may grant anything. */
  actor_permissions: string[] | null
  /** What the change would grant: a role's permissions, or those of the member acted on. */
  permissions: string[]
}

export const validateGrantStepId = "validate-grant"

/**
 * Nobody hands out more than they hold: a member can only create, assign or
 * invite into roles — and only act on members — whose permissions are all
 * their own. Stops a Manager from inviting an Owner.
 */
export const validateGrantStep = createStep(validateGrantStepId, async ({ actor_permissions, permissions }: GrantInput) => {
  if (!actor_permissions) {
    return
  }
  const missing = permissions.filter((p) => !actor_permissions.includes(p))
  if (missing.length) {
    throw maartError("FORBIDDEN", ErrorCodes.TEAM_ROLE_ABOVE_YOURS, `That needs permissions you do not have: ${missing.join(", ")}.`, {
      permissions: missing,
    })
  }
})
