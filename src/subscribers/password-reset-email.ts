import { createHash } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { emailLanguage, passwordResetEmail, sendEmail, shopPasswordResetEmail } from "../lib/emails"
import { publicUrl } from "../lib/env"
import { NOTIFICATION_TEMPLATE_MODULE } from "../modules/notification-template"
import type NotificationTemplateModuleService from "../modules/notification-template/service"
import { SHOP_AUTH_PROVIDER } from "../modules/shop-auth"
import { TENANCY_MODULE } from "../modules/tenancy"
import type TenancyModuleService from "../modules/tenancy/service"

/**
 * What Medusa's generateResetPasswordTokenWorkflow emits: entity_id is the identity — the email for
 * emailpass (admin users), `<vendor id>:<email>` for shop-emailpass (shop customers).
 */
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
  if (data.actor_type === "customer") {
    return customerPasswordResetEmail(data, container)
  }
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
    idempotency_key: idempotencyKey(data.token),
  })
}

const idempotencyKey = (token: string) => `password-reset:${createHash("sha256").update(token).digest("hex")}`

/**
 * A shop customer's reset link goes to that shop's storefront (its verified custom domain, else
 * `<handle>.<PLATFORM_DOMAIN>`, with the scheme of MAART_PUBLIC_URL and STOREFRONT_PUBLIC_PORT), which posts the new password
 * to /auth/customer/shop-emailpass/update with the token. Identities of the platform-wide emailpass
 * provider belong to no shop: no mail.
 */
async function customerPasswordResetEmail(data: PasswordResetEvent, container: SubscriberArgs<PasswordResetEvent>["container"]) {
  // The event does not name the provider (its metadata is the client's): ask the auth module.
  const [identity] = await container
    .resolve(Modules.AUTH)
    .listProviderIdentities({ entity_id: data.entity_id, provider: SHOP_AUTH_PROVIDER }, { select: ["id"] })
  const separator = data.entity_id.indexOf(":")
  if (!identity || separator < 1) {
    return
  }
  const vendorId = data.entity_id.slice(0, separator)
  const email = data.entity_id.slice(separator + 1)
  const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
  const [vendor] = await tenancy.listVendors({ id: vendorId }, { select: ["id", "handle", "name", "theme", "default_language"] })
  if (!vendor) {
    return
  }
  const [domain] = await tenancy.listVendorDomains(
    { vendor_id: vendorId, kind: "custom", verified_at: { $ne: null } } as Parameters<TenancyModuleService["listVendorDomains"]>[0],
    { select: ["hostname"] }
  )
  const protocol = new URL(publicUrl()).protocol
  const host = domain?.hostname ?? `${vendor.handle}.${process.env.PLATFORM_DOMAIN || "maart.localhost"}`
  // The storefront's public port when it is not the scheme's own (development: 8000, set by `npm start`).
  const port = process.env.STOREFRONT_PUBLIC_PORT ? `:${process.env.STOREFRONT_PUBLIC_PORT}` : ""
  const url = `${protocol}//${host}${port}/reset-password?token=${encodeURIComponent(data.token)}`
  const lang = emailLanguage(vendor.default_language)
  const overrides = await container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE).overridesOf(vendorId)
  await sendEmail(container, {
    to: email,
    template: "password-reset",
    data: { actor_type: "customer", vendor_id: vendorId, language: lang },
    // In the shop's name, branding and default language, with its own wording where it has one.
    email: shopPasswordResetEmail({ shop: vendor, lang, url, email, overrides }),
    idempotency_key: idempotencyKey(data.token),
  })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "maart-password-reset-email" },
}
