import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type Invitee = { user_id: string | null; email: string; auth_identity_id: string | null }

export const resolveInviteeStepId = "resolve-invitee"

/**
 * Who is accepting: a signed-in user (their account's email), or a new person
 * holding the registration token of the email-and-password identity they just
 * registered (its email; a user is made for them later in the workflow).
 */
export const resolveInviteeStep = createStep(
  resolveInviteeStepId,
  async (input: { user_id?: string | null; auth_identity_id?: string | null }, { container }) => {
    if (input.user_id) {
      const user = await container.resolve(Modules.USER).retrieveUser(input.user_id, { select: ["id", "email"] })
      return new StepResponse<Invitee>({ user_id: user.id, email: user.email.toLowerCase(), auth_identity_id: null })
    }
    if (input.auth_identity_id) {
      const identity = await container
        .resolve(Modules.AUTH)
        .retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] })
      const emailpass = identity.provider_identities?.find((p) => p.provider === "emailpass")
      if (emailpass) {
        return new StepResponse<Invitee>({ user_id: null, email: emailpass.entity_id.toLowerCase(), auth_identity_id: identity.id })
      }
    }
    throw maartError(
      "UNAUTHORIZED",
      ErrorCodes.INVITE_IDENTITY_REQUIRED,
      "Sign in, or register an email and password (POST /auth/user/emailpass/register) and send its token, to accept an invitation."
    )
  }
)
