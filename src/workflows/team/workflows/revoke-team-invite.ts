import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { revokeTeamInviteStep } from "../steps/revoke-team-invite"

export const revokeTeamInviteWorkflowId = "revoke-team-invite"

/** Revokes an unused invitation. Emits `team.invite_revoked`. */
export const revokeTeamInviteWorkflow = createWorkflow(revokeTeamInviteWorkflowId, (input: { id: string; vendor_id: string }) => {
  const invite = revokeTeamInviteStep(input)
  emitEventStep({ eventName: "team.invite_revoked", data: transform({ invite }, ({ invite }) => ({ id: invite.id, vendor_id: invite.vendor_id })) })
  return new WorkflowResponse(invite)
})
