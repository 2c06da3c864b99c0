import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { updateMembershipStep } from "../steps/update-membership"
import { validateGrantStep } from "../steps/validate-grant"
import { validateMembershipChangeStep } from "../steps/validate-membership-change"

export const updateMembershipWorkflowId = "update-membership"

export type UpdateMembershipWorkflowInput = {
  vendor_id: string
  membership_id: string
  role_id?: string
  active?: boolean
  actor_permissions: string[] | null
}

/**
 * Gives a member another role, or (de)activates the membership. Under the
 * vendor's team lock; the last active Owner cannot be demoted or deactivated,
 * and the actor must hold every permission of the old and the new role.
 * Takes effect on the member's next request. Emits `team.membership_updated`.
 */
export const updateMembershipWorkflow = createWorkflow(updateMembershipWorkflowId, (input: UpdateMembershipWorkflowInput) => {
  const lockKey = transform({ input }, ({ input }) => `team:${input.vendor_id}`)
  acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
  const checked = validateMembershipChangeStep(
    transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, membership_id: input.membership_id, role_id: input.role_id, active: input.active }))
  )
  validateGrantStep(
    transform({ input, checked }, ({ input, checked }) => ({
      actor_permissions: input.actor_permissions,
      permissions: [...checked.current_permissions, ...checked.new_permissions],
    }))
  )
  const membership = updateMembershipStep(
    transform({ input }, ({ input }) => ({ id: input.membership_id, role_id: input.role_id, active: input.active }))
  )
  releaseLockStep({ key: lockKey })
  emitEventStep({
    eventName: "team.membership_updated",
    data: transform({ membership }, ({ membership }) => ({ id: membership.id, vendor_id: membership.vendor_id })),
  })
  return new WorkflowResponse(membership)
})
