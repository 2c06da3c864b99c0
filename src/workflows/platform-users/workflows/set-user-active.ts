import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { setUserDeactivationStep } from "../steps/set-user-deactivation"
import { validateUserActivationStep } from "../steps/validate-user-activation"

export type SetUserActiveInput = { user_id: string; active: boolean; actor_id: string }

export const setUserActiveWorkflowId = "set-user-active"

/**
 * A platform admin (de)activates a user. Deactivation is
 * `metadata.deactivated_at` (+ `deactivated_by`): the tenancy guard refuses
 * every admin request of the user from then on — existing tokens and sessions
 * included — and login and token refresh answer 401 USER_DEACTIVATED.
 * Activation clears the marks. Nobody deactivates themselves
 * (USER_SELF_DEACTIVATION). Emits `user.deactivated` or `user.activated`
 * (`{ id, actor_id }`) when the state changed; repeating a request changes nothing.
 * Hook `userActiveSet` (`{ user_id, active, actor_id }`).
 *
 * @example
 * await setUserActiveWorkflow(container).run({ input: { user_id: "user_123", active: false, actor_id: "user_admin" } })
 */
export const setUserActiveWorkflow = createWorkflow(setUserActiveWorkflowId, (input: SetUserActiveInput) => {
  const lockKey = transform({ input }, ({ input }) => `user:${input.user_id}`)
  acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
  const checked = validateUserActivationStep(input)
  when("user-activation-changes", { checked }, ({ checked }) => checked.changed).then(() => {
    setUserDeactivationStep(
      transform({ input }, ({ input }) => ({ user_id: input.user_id, deactivated: !input.active, actor_id: input.actor_id }))
    )
  })
  releaseLockStep({ key: lockKey })
  when("user-activation-changed", { checked }, ({ checked }) => checked.changed).then(() => {
    emitEventStep({
      eventName: transform({ input }, ({ input }) => (input.active ? "user.activated" : "user.deactivated")),
      data: transform({ input }, ({ input }) => ({ id: input.user_id, actor_id: input.actor_id })),
    })
  })
  const userActiveSet = createHook("userActiveSet", { user_id: input.user_id, active: input.active, actor_id: input.actor_id })
  return new WorkflowResponse(
    transform({ input, checked }, ({ input, checked }) => ({ id: input.user_id, active: input.active, changed: checked.changed })),
    { hooks: [userActiveSet] }
  )
})
