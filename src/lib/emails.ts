import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import escapeHtml from "escape-html"

/**
 * The emails Maart sends, rendered here (text and HTML) and handed to Medusa's
 * notification module, whose provider — the local logger in development, SMTP
 * when SMTP_URL is set — delivers them.
 */
export type Email = { subject: string; text: string; html: string }

const layout = (title: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;color:#111">` +
  `<h1 style="font-size:20px">${escapeHtml(title)}</h1>` +
  paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
  `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#111;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
  `<p style="color:#666;font-size:13px">${escapeHtml(footer)}<br>${escapeHtml(action.url)}</p></body></html>`

export function teamInviteEmail(d: { vendor_name: string; role_name: string; inviter: string | null; url: string; expires_at: Date }): Email {
  const subject = `You are invited to join ${d.vendor_name} on Maart`
  const lines = [
    `${d.inviter ?? "The team"} invites you to join ${d.vendor_name} as ${d.role_name}.`,
    `The invitation is valid until ${d.expires_at.toUTCString()} and can be used once.`,
  ]
  const footer = "If you did not expect this invitation, ignore this email."
  return {
    subject,
    text: `${lines.join("\n\n")}\n\nAccept it here: ${d.url}\n\n${footer}\n`,
    html: layout(subject, lines, { label: "Accept the invitation", url: d.url }, footer),
  }
}

/** `shop_name` for a shop customer's account (the shop, not Maart, is who they know). */
export function passwordResetEmail(d: { url: string; forced: boolean; shop_name?: string }): Email {
  const subject = d.forced ? "Set a new password for Maart" : d.shop_name ? `Reset your password at ${d.shop_name}` : "Reset your Maart password"
  const lines = [
    d.forced
      ? "For your security, a platform administrator has reset the passwords of your account: your old password no longer works."
      : "Somebody (hopefully you) asked to reset the password of your account.",
    "Choose a new password with the link below. It is valid for 15 minutes; after that, use “Forgot password” on the login page.",
  ]
  const footer = d.forced ? "Questions? Contact your platform administrator." : "If you did not ask for this, ignore this email."
  return {
    subject,
    text: `${lines.join("\n\n")}\n\n${d.url}\n\n${footer}\n`,
    html: layout(subject, lines, { label: "Choose a new password", url: d.url }, footer),
  }
}

/**
 * Sends one email through the notification module. The idempotency key makes
 * a retried workflow step send it once.
 */
export async function sendEmail(
  container: MedusaContainer,
  input: { to: string; template: string; email: Email; data?: Record<string, unknown>; idempotency_key?: string }
) {
  const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
    {
      to: input.to,
      channel: "email",
      template: input.template,
      data: input.data ?? {},
      content: input.email,
      idempotency_key: input.idempotency_key,
    },
  ])
  return notification
}
