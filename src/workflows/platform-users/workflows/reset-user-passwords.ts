import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ErrorCodes } from "../../../lib/errors"
import { resetUserPasswordsStep } from "../steps/reset-user-passwords"
import { selectPasswordResetUsersStep, type PasswordResetSelection } from "../steps/select-password-reset-users"

export type ResetUserPasswordsInput = PasswordResetSelection & { actor_id: string }

export const resetUserPasswordsWorkflowId = "reset-user-passwords"

/**
 * A platform admin's mass password reset: for the named users, a vendor's
 * members or everyone, the old password stops working and a reset link is
 * emailed (see resetUserPasswordsStep for skipped and failed users). Existing
 * tokens are not revoked (Medusa's JWTs cannot be): deactivate a user for that.
 * Returns one report per user `{ user_id, email, status, code? }` and emits
 * `user.passwords_reset` (`{ user_ids, actor_id }`, the users whose password was replaced).
 * Hook `passwordsReset` (`{ reports, actor_id }`); if it fails, the old passwords are restored
 * (links already mailed stay valid for their 15 minutes).
 *
 * @example
 * const { result } = await resetUserPasswordsWorkflow(container).run({ input: { vendor_id: "ven_123", actor_id: "user_admin" } })
 */
export const resetUserPasswordsWorkflow = createWorkflow(resetUserPasswordsWorkflowId, (input: ResetUserPasswordsInput) => {
  const users = selectPasswordResetUsersStep(
    transform({ input }, ({ input }) => ({ user_ids: input.user_ids, vendor_id: input.vendor_id, all: input.all }))
  )
  const reports = resetUserPasswordsStep(users)
  emitEventStep({
    eventName: "user.passwords_reset",
    data: transform({ input, reports }, ({ input, reports }) => ({
      user_ids: reports.filter((r) => r.status === "sent" || r.code === ErrorCodes.USER_DEACTIVATED).map((r) => r.user_id),
      actor_id: input.actor_id,
    })),
  })
  const passwordsReset = createHook("passwordsReset", { reports, actor_id: input.actor_id })
  return new WorkflowResponse(reports, { hooks: [passwordsReset] })
})
