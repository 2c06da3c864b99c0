import { createHash } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createUserAccountWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { claimTeamInviteStep } from "../steps/claim-team-invite"
import { joinTeamStep } from "../steps/join-team"
import { resolveInviteeStep } from "../steps/resolve-invitee"

export const acceptTeamInviteWorkflowId = "accept-team-invite"

export type AcceptTeamInviteWorkflowInput = {
  token: string
  /** The signed-in user accepting, if any. */
  user_id?: string | null
  /** Otherwise: the freshly registered emailpass identity of a new person. */
  auth_identity_id?: string | null
  first_name?: string | null
  last_name?: string | null
}

/**
 * Accepts a team invitation: an existing user joins with the invited role; a
 * new person's registered identity becomes a user first. The token is used
 * once, under a lock. Emits `team.invite_accepted`.
 *
 * @example
 * await acceptTeamInviteWorkflow(container).run({ input: { token: "…", user_id: "user_1" } })
 */
export const acceptTeamInviteWorkflow = createWorkflow(acceptTeamInviteWorkflowId, (input: AcceptTeamInviteWorkflowInput) => {
  const invitee = resolveInviteeStep(transform({ input }, ({ input }) => ({ user_id: input.user_id, auth_identity_id: input.auth_identity_id })))
  const lockKey = transform({ input }, ({ input }) => `team-invite:${createHash("sha256").update(input.token).digest("hex")}`)
  acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
  const invite = claimTeamInviteStep(transform({ input, invitee }, ({ input, invitee }) => ({ token: input.token, email: invitee.email })))

  const created = when({ invitee }, ({ invitee }) => !invitee.user_id).then(() =>
    createUserAccountWorkflow.runAsStep({
      input: transform({ input, invitee }, ({ input, invitee }) => ({
        authIdentityId: invitee.auth_identity_id!,
        userData: { email: invitee.email, first_name: input.first_name ?? null, last_name: input.last_name ?? null },
      })),
    })
  )
  const userId = transform({ invitee, created }, ({ invitee, created }) => invitee.user_id ?? created!.id)
  const membership = joinTeamStep(
    transform({ invite, userId }, ({ invite, userId }) => ({
      invite_id: invite.id,
      vendor_id: invite.vendor_id,
      user_id: userId,
      role_id: invite.role_id,
      invited_by: invite.invited_by,
    }))
  )
  releaseLockStep({ key: lockKey })
  emitEventStep({
    eventName: "team.invite_accepted",
    data: transform({ invite, membership }, ({ invite, membership }) => ({ id: invite.id, vendor_id: invite.vendor_id, membership_id: membership.id })),
  })
  return new WorkflowResponse(membership)
})
