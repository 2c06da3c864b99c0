import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { rotateTeamInviteTokenStep } from "../steps/rotate-team-invite-token"
import { sendTeamInviteEmailStep } from "../steps/send-team-invite-email"

export const resendTeamInviteWorkflowId = "resend-team-invite"

/**
 * Sends an unused invitation again with a new token and a fresh expiry; the
 * earlier link stops working. Emits `team.invite_resent`.
 */
export const resendTeamInviteWorkflow = createWorkflow(
  resendTeamInviteWorkflowId,
  (input: { id: string; vendor_id: string; inviter_name: string | null }) => {
    const rotated = rotateTeamInviteTokenStep(transform({ input }, ({ input }) => ({ id: input.id, vendor_id: input.vendor_id })))
    const { data: vendors } = useQueryGraphStep({ entity: "vendor", fields: ["id", "name"], filters: { id: input.vendor_id } }).config({
      name: "get-invite-vendor",
    })
    const { data: roles } = useQueryGraphStep({
      entity: "team_role",
      fields: ["id", "name"],
      filters: transform({ rotated }, ({ rotated }) => ({ id: rotated.invite.role_id })),
    }).config({ name: "get-invite-role" })
    sendTeamInviteEmailStep(
      transform({ input, rotated, vendors, roles }, ({ input, rotated, vendors, roles }) => ({
        invite: rotated.invite,
        token: rotated.token,
        vendor_name: vendors[0].name,
        role_name: roles[0].name,
        inviter: input.inviter_name,
      }))
    )
    const invite = transform({ rotated }, ({ rotated }) => rotated.invite)
    emitEventStep({ eventName: "team.invite_resent", data: transform({ invite }, ({ invite }) => ({ id: invite.id, vendor_id: invite.vendor_id })) })
    return new WorkflowResponse(invite)
  }
)
