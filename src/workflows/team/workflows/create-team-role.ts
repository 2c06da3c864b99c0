import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createTeamRoleStep, type CreateTeamRoleInput } from "../steps/create-team-role"
import { validateGrantStep } from "../steps/validate-grant"
import { validateTeamRoleStep } from "../steps/validate-team-role"

export const createTeamRoleWorkflowId = "create-team-role"

/**
 * Creates a custom role in a vendor's team, with permissions from the
 * vocabulary the actor holds themselves. Emits `team.role_created`.
 *
 * @example
 * await createTeamRoleWorkflow(container).run({
 *   input: { vendor_id: "ven_1", name: "Stock keeper", permissions: ["products.view", "products.edit"], actor_permissions: null },
 * })
 */
export const createTeamRoleWorkflow = createWorkflow(
  createTeamRoleWorkflowId,
  (input: CreateTeamRoleInput & { actor_permissions: string[] | null }) => {
    validateTeamRoleStep(transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, name: input.name, change: "create" as const })))
    validateGrantStep(transform({ input }, ({ input }) => ({ actor_permissions: input.actor_permissions, permissions: input.permissions })))
    const role = createTeamRoleStep(
      transform({ input }, ({ input: { actor_permissions, ...role } }) => role)
    )
    emitEventStep({ eventName: "team.role_created", data: transform({ role }, ({ role }) => ({ id: role.id, vendor_id: role.vendor_id })) })
    return new WorkflowResponse(role)
  }
)
