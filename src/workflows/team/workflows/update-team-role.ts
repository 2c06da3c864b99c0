import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateTeamRoleStep, type UpdateTeamRoleInput } from "../steps/update-team-role"
import { validateGrantStep } from "../steps/validate-grant"
import { validateTeamRoleStep } from "../steps/validate-team-role"

export const updateTeamRoleWorkflowId = "update-team-role"

/**
 * Renames a role or changes its permissions (not the Owner's). The actor must
 * hold both what the role had and what it gets. Members feel the change on
 * their next request. Emits `team.role_updated`.
 */
export const updateTeamRoleWorkflow = createWorkflow(
  updateTeamRoleWorkflowId,
  (input: UpdateTeamRoleInput & { vendor_id: string; actor_permissions: string[] | null }) => {
    const current = validateTeamRoleStep(
      transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, id: input.id, name: input.name, change: "update" as const }))
    )
    validateGrantStep(
      transform({ input, current }, ({ input, current }) => ({
        actor_permissions: input.actor_permissions,
        permissions: [...((current?.permissions as string[]) ?? []), ...(input.permissions ?? [])],
      }))
    )
    const role = updateTeamRoleStep(
      transform({ input }, ({ input: { actor_permissions, vendor_id, ...role } }) => role)
    )
    emitEventStep({ eventName: "team.role_updated", data: transform({ role }, ({ role }) => ({ id: role.id, vendor_id: role.vendor_id })) })
    return new WorkflowResponse(role)
  }
)
