import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { removeMembershipStep } from "../steps/remove-membership"
import { validateGrantStep } from "../steps/validate-grant"
import { validateMembershipChangeStep } from "../steps/validate-membership-change"

export const removeMembershipWorkflowId = "remove-membership"

/**
 * Takes a member out of a vendor's team, under the team lock: never the last
 * active Owner, and only a member whose role the actor could have given. The
 * user keeps their account (and other memberships); this vendor refuses them
 * from their next request. Emits `team.membership_removed`.
 */
export const removeMembershipWorkflow = createWorkflow(
  removeMembershipWorkflowId,
  (input: { vendor_id: string; membership_id: string; actor_permissions: string[] | null }) => {
    const lockKey = transform({ input }, ({ input }) => `team:${input.vendor_id}`)
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
    const checked = validateMembershipChangeStep(
      transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, membership_id: input.membership_id, remove: true }))
    )
    validateGrantStep(
      transform({ input, checked }, ({ input, checked }) => ({ actor_permissions: input.actor_permissions, permissions: checked.current_permissions }))
    )
    removeMembershipStep(input.membership_id)
    releaseLockStep({ key: lockKey })
    emitEventStep({
      eventName: "team.membership_removed",
      data: transform({ input, checked }, ({ input, checked }) => ({ id: input.membership_id, vendor_id: input.vendor_id, user_id: checked.membership.user_id })),
    })
    return new WorkflowResponse({ id: input.membership_id, deleted: true })
  }
)
