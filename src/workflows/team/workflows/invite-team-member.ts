import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createTeamInviteStep } from "../steps/create-team-invite"
import { sendTeamInviteEmailStep } from "../steps/send-team-invite-email"
import { validateGrantStep } from "../steps/validate-grant"
import { validateTeamInviteStep } from "../steps/validate-team-invite"

export const inviteTeamMemberWorkflowId = "invite-team-member"

export type InviteTeamMemberWorkflowInput = {
  vendor_id: string
  email: string
  role_id: string
  invited_by: string | null
  inviter_name: string | null
  actor_permissions: string[] | null
}

/**
 * Invites a person by email into a vendor's team with a role the inviter could
 * give: stores the invitation (token hashed, expiring) and emails the link.
 * Emits `team.invite_created`.
 *
 * @example
 * await inviteTeamMemberWorkflow(container).run({
 *   input: { vendor_id: "ven_1", email: "ana@shop.lu", role_id: "role_1", invited_by: "user_1", inviter_name: "Jo", actor_permissions: null },
 * })
 */
export const inviteTeamMemberWorkflow = createWorkflow(inviteTeamMemberWorkflowId, (input: InviteTeamMemberWorkflowInput) => {
  const email = transform({ input }, ({ input }) => input.email.trim().toLowerCase())
  const checked = validateTeamInviteStep(transform({ input, email }, ({ input, email }) => ({ vendor_id: input.vendor_id, email, role_id: input.role_id })))
  validateGrantStep(
    transform({ input, checked }, ({ input, checked }) => ({ actor_permissions: input.actor_permissions, permissions: checked.role.permissions }))
  )
  const created = createTeamInviteStep(
    transform({ input, email }, ({ input, email }) => ({ vendor_id: input.vendor_id, email, role_id: input.role_id, invited_by: input.invited_by }))
  )
  sendTeamInviteEmailStep(
    transform({ input, checked, created }, ({ input, checked, created }) => ({
      invite: created.invite,
      token: created.token,
      vendor_name: checked.vendor.name,
      role_name: checked.role.name,
      inviter: input.inviter_name,
    }))
  )
  const invite = transform({ created }, ({ created }) => created.invite)
  emitEventStep({ eventName: "team.invite_created", data: transform({ invite }, ({ invite }) => ({ id: invite.id, vendor_id: invite.vendor_id })) })
  return new WorkflowResponse(invite)
})
