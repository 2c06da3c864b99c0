import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { teamInviteEmail, sendEmail } from "../../../lib/emails"
import { publicUrl } from "../../../lib/env"

export type SendTeamInviteEmailInput = {
  invite: { id: string; email: string; expires_at: Date | string; vendor_id: string }
  token: string
  vendor_name: string
  role_name: string
  inviter: string | null
}

export const sendTeamInviteEmailStepId = "send-team-invite-email"

/**
 * Emails the invitation link (the accept page with the token). Last in its
 * workflows: a sent email cannot be taken back. The token is in the email
 * only, never in the stored notification's data.
 */
export const sendTeamInviteEmailStep = createStep(sendTeamInviteEmailStepId, async (input: SendTeamInviteEmailInput, { container }) => {
  const url = `${publicUrl()}/team/invite?token=${encodeURIComponent(input.token)}`
  const notification = await sendEmail(container, {
    to: input.invite.email,
    template: "team-invite",
    data: { invite_id: input.invite.id, vendor_id: input.invite.vendor_id },
    email: teamInviteEmail({
      vendor_name: input.vendor_name,
      role_name: input.role_name,
      inviter: input.inviter,
      url,
      expires_at: new Date(input.invite.expires_at),
    }),
  })
  return new StepResponse({ notification_id: notification.id })
})
