import escapeHtml from "escape-html"
import sanitizeHtml from "sanitize-html"
import { ErrorCodes, maartError } from "../../lib/errors"

/**
 * The emails a shop sends in its own name and may reword: per email, the
 * variables its texts may use and the built-in subject and intro in each
 * language. The built-in texts are templates in the same syntax as a shop's
 * override, rendered by the same code, so the two cannot drift apart. The team
 * invitation and the dashboard's password reset are the platform's, not a shop's.
 */

/** The languages emails are written in; any other (lb, …) falls back (emails.ts `emailLanguage`). */
export const EMAIL_LANGUAGES = ["fr", "de", "en"] as const
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number]
export const isEmailLanguage = (value: unknown): value is EmailLanguage => (EMAIL_LANGUAGES as readonly unknown[]).includes(value)

export const SHOP_EMAIL_TEMPLATES = ["order-confirmation", "vendor-order-notice", "password-reset"] as const
export type ShopEmailTemplate = (typeof SHOP_EMAIL_TEMPLATES)[number]
export const isShopEmailTemplate = (value: unknown): value is ShopEmailTemplate => (SHOP_EMAIL_TEMPLATES as readonly unknown[]).includes(value)

type Texts = { subject: string; intro: string }
export type TemplateDefinition = {
  label: string
  /** Who reads it: the shop's customer, or the shop itself. */
  recipient: "customer" | "shop"
  /** Whether a shop may switch it off (only its own notice: a customer's emails always go). */
  can_disable: boolean
  variables: readonly string[]
  defaults: Record<EmailLanguage, Texts>
}

const ORDER_VARIABLES = [
  "order.display_id", "order.total", "order.date", "shop.name", "customer.first_name", "customer.last_name", "customer.email",
] as const

export const TEMPLATE_DEFINITIONS: Record<ShopEmailTemplate, TemplateDefinition> = {
  "order-confirmation": {
    label: "Order confirmation",
    recipient: "customer",
    can_disable: false,
    variables: ORDER_VARIABLES,
    defaults: {
      fr: {
        subject: "Votre commande n° {{order.display_id}} chez {{shop.name}}",
        intro: "Merci pour votre commande chez {{shop.name}}. Nous la préparons et vous écrirons à son expédition.",
      },
      de: {
        subject: "Ihre Bestellung Nr. {{order.display_id}} bei {{shop.name}}",
        intro: "Vielen Dank für Ihre Bestellung bei {{shop.name}}. Wir bereiten sie vor und schreiben Ihnen, sobald sie versandt ist.",
      },
      en: {
        subject: "Your order #{{order.display_id}} at {{shop.name}}",
        intro: "Thank you for your order at {{shop.name}}. We are preparing it and will write again when it ships.",
      },
    },
  },
  "vendor-order-notice": {
    label: "New order notice (to the shop)",
    recipient: "shop",
    can_disable: true,
    variables: ORDER_VARIABLES,
    defaults: {
      fr: {
        subject: "Nouvelle commande n° {{order.display_id}}",
        intro: "{{shop.name}} a reçu une nouvelle commande de {{customer.email}}. Elle vous attend dans le tableau de bord.",
      },
      de: {
        subject: "Neue Bestellung Nr. {{order.display_id}}",
        intro: "{{shop.name}} hat eine neue Bestellung von {{customer.email}} erhalten. Sie wartet im Dashboard auf Sie.",
      },
      en: {
        subject: "New order #{{order.display_id}}",
        intro: "{{shop.name}} has received a new order from {{customer.email}}. It is waiting for you in the dashboard.",
      },
    },
  },
  "password-reset": {
    label: "Customer password reset",
    recipient: "customer",
    can_disable: false,
    variables: ["shop.name", "customer.email"],
    defaults: {
      fr: {
        subject: "Réinitialisez votre mot de passe chez {{shop.name}}",
        intro: "Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte.",
      },
      de: {
        subject: "Setzen Sie Ihr Passwort bei {{shop.name}} zurück",
        intro: "Jemand (hoffentlich Sie) hat verlangt, das Passwort Ihres Kontos zurückzusetzen.",
      },
      en: {
        subject: "Reset your password at {{shop.name}}",
        intro: "Somebody (hopefully you) asked to reset the password of your account.",
      },
    },
  },
}

/** A shop's stored wording (the module's rows). */
export type TemplateOverride = {
  id: string
  template: string
  language: string
  subject: string | null
  intro: string | null
  enabled: boolean
  updated_at?: Date
}

/** What an email is written with: the override's fields where it has them, the built-in text otherwise. */
export type ResolvedTexts = Texts & { enabled: boolean; overridden: boolean }

/**
 * THE ONE PLACE that decides between a shop's wording and the built-in one:
 * the override of this template and language where it sets a field, else the
 * built-in text. A notice is off when any of its rows says so (the switch is
 * per email, written on all its rows).
 */
export function resolveTexts(template: ShopEmailTemplate, lang: EmailLanguage, overrides: TemplateOverride[] = []): ResolvedTexts {
  const own = overrides.find((o) => o.template === template && o.language === lang)
  const builtIn = TEMPLATE_DEFINITIONS[template].defaults[lang]
  return {
    subject: own?.subject || builtIn.subject,
    intro: own?.intro || builtIn.intro,
    enabled: !TEMPLATE_DEFINITIONS[template].can_disable || !overrides.some((o) => o.template === template && !o.enabled),
    overridden: !!(own?.subject || own?.intro),
  }
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The variables a text uses, in order of appearance. */
export const variablesIn = (text: string) => [...text.matchAll(VARIABLE)].map((m) => m[1])

/** Refuses a text that names a variable its email does not have (400 NOTIFICATION_TEMPLATE_VARIABLE_UNKNOWN). */
export function assertKnownVariables(template: ShopEmailTemplate, fields: Partial<Record<"subject" | "intro", string | null>>) {
  const allowed = TEMPLATE_DEFINITIONS[template].variables
  for (const [field, text] of Object.entries(fields)) {
    const unknown = variablesIn(text ?? "").find((v) => !allowed.includes(v))
    if (unknown !== undefined) {
      throw maartError(
        "INVALID_DATA",
        ErrorCodes.NOTIFICATION_TEMPLATE_VARIABLE_UNKNOWN,
        `{{${unknown}}} is not a variable of ${template} (${field}). Use one of: ${allowed.map((a) => `{{${a}}}`).join(", ")}.`,
        { variable: unknown, field, allowed }
      )
    }
  }
}

export type TemplateValues = Record<string, string | number | null | undefined>

/** A subject: variables filled in, one line. */
export function renderSubject(text: string, values: TemplateValues): string {
  return text.replace(VARIABLE, (_, name: string) => String(values[name] ?? "")).replace(/\s*[\r\n]+\s*/g, " ").trim()
}

// Placeholders that survive escaping and the markdown pass; the values go in last, so a customer's
// name cannot turn into markup or a link.
const slot = (i: number) => `\u0000${i}\u0000`
const SLOT = /\u0000(\d+)\u0000/g

/**
 * An intro in limited markdown — paragraphs (blank lines), line breaks, **bold**, *italic*,
 * [links](https://…) — as text and as HTML. Any HTML typed is shown as typed (escaped); the result
 * goes through sanitize-html as well, with only those tags allowed.
 */
export function renderIntro(text: string, values: TemplateValues): { text: string; html: string } {
  const found: string[] = []
  const slotted = text.replace(VARIABLE, (_, name: string) => slot(found.push(String(values[name] ?? "")) - 1))
  const paragraphs = slotted.trim().split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)

  const fill = (s: string, escape: boolean) => s.replace(SLOT, (_, i: string) => (escape ? escapeHtml(found[Number(i)]) : found[Number(i)]))
  const inline = (p: string) =>
    escapeHtml(p)
      .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s()]+|mailto:[^\s()]+)\)/g, (_, label: string, url: string) => `<a href="${url}">${label}</a>`)
      .replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^*])\*([^*\n]+)\*/g, "$1<em>$2</em>")
      .replace(/\r?\n/g, "<br>")
  const html = sanitizeHtml(paragraphs.map((p) => `<p>${fill(inline(p), true)}</p>`).join(""), {
    allowedTags: ["p", "br", "strong", "em", "a"],
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["http", "https", "mailto"],
  })
  const plain = paragraphs
    .map((p) =>
      fill(
        p
          .replace(/\[([^\]\n]+)\]\(((?:https?|mailto):[^\s()]+)\)/g, "$1 ($2)")
          .replace(/\*\*([^*\n]+)\*\*/g, "$1")
          .replace(/(^|[^*])\*([^*\n]+)\*/g, "$1$2"),
        false
      )
    )
    .join("\n\n")
  return { text: plain, html }
}
