import { createHash } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { passwordResetEmail, sendEmail } from "../lib/emails"
import { publicUrl } from "../lib/env"

/** What Medusa's generateResetPasswordTokenWorkflow emits (entity_id is the emailpass identity: the email). */
export type PasswordResetEvent = {
  entity_id: string
  actor_type: string
  token: string
  metadata?: Record<string, unknown>
}

/**
 * Emails an admin user the link to the dashboard's reset page — for "Forgot
 * password" on the login page and for a platform admin's forced reset
 * (`metadata.forced`). The token is in the email only, never in the stored
 * notification; the idempotency key (its hash) makes a redelivered event send once.
 */
export default async function passwordResetEmailHandler({ event: { data }, container }: SubscriberArgs<PasswordResetEvent>) {
  // Customers' reset emails link to their shop's storefront: the storefront issue handles them.
  if (data.actor_type !== "user") {
    return
  }
  const [user] = await container.resolve(Modules.USER).listUsers({ email: data.entity_id }, { select: ["id", "metadata"] })
  if (user?.metadata?.deactivated_at) {
    // A new password would not let them in: no mail.
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Password reset for deactivated user ${user.id}: no email sent`)
    return
  }
  const forced = data.metadata?.forced === true
  const adminPath = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).admin?.path ?? "/app"
  // The dashboard reads only `token` (the address is inside it).
  const url = `${publicUrl()}${adminPath}/reset-password?token=${encodeURIComponent(data.token)}`
  await sendEmail(container, {
    to: data.entity_id,
    template: "password-reset",
    data: { actor_type: "user", forced },
    email: passwordResetEmail({ url, forced }),
    idempotency_key: `password-reset:${createHash("sha256").update(data.token).digest("hex")}`,
  })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "maart-password-reset-email" },
}
