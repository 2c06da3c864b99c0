import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"

export type SmtpNotificationOptions = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS). */
  url: string
  /** Sender used when a notification names none. */
  from: string
}

/** The message for one notification; without content, a plain-text rendering of template and data. */
export function toMailOptions(notification: ProviderSendNotificationDTO, defaultFrom: string): SendMailOptions {
  const { subject, text, html } = notification.content ?? {}
  return {
    from: notification.from?.trim() || defaultFrom,
    to: notification.to,
    subject: subject ?? notification.template,
    // Nothing is dropped silently: a notification without a body still says what it was.
    text: text ?? (html ? undefined : `${notification.template}\n\n${JSON.stringify(notification.data ?? {}, null, 2)}`),
    html,
    attachments: notification.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      encoding: "base64",
      contentType: a.content_type,
      contentDisposition: a.disposition === "inline" ? "inline" : "attachment",
      cid: a.id,
    })),
  }
}

/**
 * Sends the `email` channel over SMTP with nodemailer. Options: `url` (from
 * SMTP_URL) and the default sender `from` (SMTP_FROM). The connection is opened
 * at send time, so start-up does not depend on the mail server.
 */
class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"

  protected options_: SmtpNotificationOptions
  protected transporter_: Transporter

  static validateOptions(options: Record<string, unknown>) {
    const url = URL.canParse(String(options.url)) ? new URL(String(options.url)) : null
    // The URL carries the password: the message never repeats it.
    if (!url || !["smtp:", "smtps:"].includes(url.protocol) || !url.hostname) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465."
      )
    }
    if (typeof options.from !== "string" || !options.from.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The SMTP notification provider needs a `from` sender.")
    }
  }

  constructor(_: unknown, options: SmtpNotificationOptions) {
    super()
    this.options_ = options
    this.transporter_ = nodemailer.createTransport(options.url)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No notification information provided")
    }
    try {
      const info = await this.transporter_.sendMail(toMailOptions(notification, this.options_.from))
      return { id: info.messageId }
    } catch (e) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Failed to send email: ${(e as Error).message}`)
    }
  }
}

export default SmtpNotificationService
