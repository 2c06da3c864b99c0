import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type ValidateUserActivationInput = { user_id: string; active: boolean; actor_id: string }

export const validateUserActivationStepId = "validate-user-activation"

/**
 * The user must exist (404 NOT_FOUND), and a platform admin cannot deactivate
 * themselves (USER_SELF_DEACTIVATION): the platform would lose the admin who
 * could undo it. Returns whether the request changes anything.
 */
export const validateUserActivationStep = createStep(
  validateUserActivationStepId,
  async (input: ValidateUserActivationInput, { container }) => {
    const [user] = await container.resolve(Modules.USER).listUsers({ id: input.user_id }, { select: ["id", "metadata"] })
    if (!user) {
      throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No user ${input.user_id}.`)
    }
    if (!input.active && input.user_id === input.actor_id) {
      throw maartError("NOT_ALLOWED", ErrorCodes.USER_SELF_DEACTIVATION, "You cannot deactivate yourself: ask another platform admin.")
    }
    const deactivated = !!user.metadata?.deactivated_at
    return new StepResponse({ id: user.id, changed: deactivated === input.active })
  }
)
