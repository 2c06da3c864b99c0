import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { deleteTeamRoleStep } from "../steps/delete-team-role"
import { validateGrantStep } from "../steps/validate-grant"
import { validateTeamRoleStep } from "../steps/validate-team-role"

export const deleteTeamRoleWorkflowId = "delete-team-role"

/**
 * Deletes a custom role no member or pending invitation holds. Default roles
 * stay. Emits `team.role_deleted`.
 */
export const deleteTeamRoleWorkflow = createWorkflow(
  deleteTeamRoleWorkflowId,
  (input: { id: string; vendor_id: string; actor_permissions: string[] | null }) => {
    const current = validateTeamRoleStep(
      transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, id: input.id, change: "delete" as const }))
    )
    validateGrantStep(
      transform({ input, current }, ({ input, current }) => ({
        actor_permissions: input.actor_permissions,
        permissions: (current?.permissions as string[]) ?? [],
      }))
    )
    deleteTeamRoleStep(input.id)
    emitEventStep({ eventName: "team.role_deleted", data: transform({ input }, ({ input }) => ({ id: input.id, vendor_id: input.vendor_id })) })
    return new WorkflowResponse({ id: input.id, deleted: true })
  }
)
