import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import escapeHtml from "escape-html"
import {
  EMAIL_LANGUAGES,
  renderIntro,
  renderSubject,
  resolveTexts,
  type EmailLanguage,
  type ShopEmailTemplate,
  type TemplateOverride,
  type TemplateValues,
} from "../modules/notification-template/templates"

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

/** An admin user's reset link (the dashboard's): the platform's email, in English. */
export function passwordResetEmail(d: { url: string; forced: boolean }): Email {
  const subject = d.forced ? "Set a new password for Maart" : "Reset your Maart password"
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
 * a retried workflow step send it once. `record` fills the notification's own
 * columns (what it is about, who receives it, which attempt it retries).
 */
export async function sendEmail(
  container: MedusaContainer,
  input: {
    to: string
    template: string
    email: Email
    data?: Record<string, unknown>
    idempotency_key?: string
    record?: { resource_id?: string; resource_type?: string; receiver_id?: string | null; trigger_type?: string; original_notification_id?: string | null }
  }
) {
  const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
    {
      to: input.to,
      channel: "email",
      template: input.template,
      data: input.data ?? {},
      content: input.email,
      idempotency_key: input.idempotency_key,
      ...input.record,
    },
  ])
  return notification
}

// ——— Order emails, in the shop's branding and the reader's language ———

// The languages emails are written in (fr, de, en) and the shops' own wording live with the templates a
// shop may change (src/modules/notification-template/templates.ts).
export { EMAIL_LANGUAGES, type EmailLanguage }

/**
 * The first of `candidates` (BCP 47 tags like "de-LU" or bare codes) that an email can be written in,
 * else French — the language every Luxembourg shop serves. Luxembourgish has no templates of its own:
 * `lb` falls through to the next candidate (the shop's default language), as its readers read fr/de.
 */
export function emailLanguage(...candidates: (string | null | undefined)[]): EmailLanguage {
  for (const tag of candidates) {
    const code = tag?.trim().toLowerCase().split(/[-_]/)[0]
    if (code && (EMAIL_LANGUAGES as readonly string[]).includes(code)) {
      return code as EmailLanguage
    }
  }
  return "fr"
}

/** The shop's look in its emails: name, and its theme where it is safe to put in HTML/CSS. */
export type ShopBrand = {
  name: string
  theme?: { primary_color?: unknown; accent_color?: unknown; logo_url?: unknown; font?: unknown } | null
}

export type OrderEmailData = {
  display_id: number | string
  created_at: Date | string
  currency_code: string
  email: string | null
  /** Amounts before tax, as Medusa's totals give them (`subtotal` = quantity × unit price). */
  items: { title: string; variant_title?: string | null; quantity: number; unit_price: number; subtotal: number }[]
  item_subtotal: number
  shipping_subtotal: number
  discount_total: number
  tax_total: number
  total: number
  shipping_address?: {
    first_name?: string | null
    last_name?: string | null
    company?: string | null
    address_1?: string | null
    address_2?: string | null
    postal_code?: string | null
    city?: string | null
    country_code?: string | null
  } | null
  shipping_method?: string | null
}

const INTL_LOCALE: Record<EmailLanguage, string> = { fr: "fr-LU", de: "de-LU", en: "en-GB" }

const ORDER_TEXT = {
  fr: {
    order: "Commande", date: "Date", item: "Article", qty: "Qté", price: "Prix",
    subtotal: "Sous-total", shipping: "Livraison", discount: "Remise", tax: "TVA", total: "Total",
    ship_to: "Adresse de livraison", guest: "un client invité",
  },
  de: {
    order: "Bestellung", date: "Datum", item: "Artikel", qty: "Menge", price: "Preis",
    subtotal: "Zwischensumme", shipping: "Versand", discount: "Rabatt", tax: "MwSt.", total: "Gesamt",
    ship_to: "Lieferadresse", guest: "einem Gastkunden",
  },
  en: {
    order: "Order", date: "Date", item: "Item", qty: "Qty", price: "Price",
    subtotal: "Subtotal", shipping: "Shipping", discount: "Discount", tax: "VAT", total: "Total",
    ship_to: "Shipping address", guest: "a guest customer",
  },
} satisfies Record<EmailLanguage, Record<string, unknown>>

// The theme is vendor data that reaches style attributes: only values that cannot leave their CSS property pass.
const safeColor = (value: unknown, fallback: string) => (typeof value === "string" && /^#[0-9a-f]{3,8}$/i.test(value) ? value : fallback)
const safeFont = (value: unknown) => (typeof value === "string" && /^[\w \-,]{1,80}$/.test(value) ? `${value},` : "")
const safeLogo = (value: unknown) => (typeof value === "string" && /^https?:\/\/[^\s"'<>]+$/i.test(value) ? value : null)

function orderFormat(lang: EmailLanguage, currency: string) {
  const money = new Intl.NumberFormat(INTL_LOCALE[lang], { style: "currency", currency: currency.toUpperCase() })
  const date = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: "long", timeZone: "Europe/Luxembourg" })
  return { money: (n: number) => money.format(n), date: (d: Date | string) => date.format(new Date(d)) }
}

const addressLines = (a: OrderEmailData["shipping_address"]) =>
  a
    ? [
        [a.first_name, a.last_name].filter(Boolean).join(" "),
        a.company,
        a.address_1,
        a.address_2,
        [a.country_code?.toUpperCase(), a.postal_code].filter(Boolean).join("-") + (a.city ? ` ${a.city}` : ""),
      ].filter((l): l is string => !!l?.trim())
    : []

/** The order as text and as an HTML table (every value escaped), in `lang`. */
function renderOrder(order: OrderEmailData, lang: EmailLanguage) {
  const t = ORDER_TEXT[lang]
  const f = orderFormat(lang, order.currency_code)
  const itemName = (i: OrderEmailData["items"][number]) => (i.variant_title && i.variant_title !== i.title ? `${i.title} (${i.variant_title})` : i.title)
  const totals: [string, string][] = [
    [t.subtotal, f.money(order.item_subtotal)],
    [t.shipping, f.money(order.shipping_subtotal)],
    ...(order.discount_total ? [[t.discount, `−${f.money(order.discount_total)}`] as [string, string]] : []),
    [t.tax, f.money(order.tax_total)],
    [t.total, f.money(order.total)],
  ]
  const address = addressLines(order.shipping_address)
  const text = [
    `${t.order} ${order.display_id} · ${t.date}: ${f.date(order.created_at)}`,
    order.items.map((i) => `${i.quantity} × ${itemName(i)}  ${f.money(i.subtotal)}`).join("\n"),
    totals.map(([k, v]) => `${k}: ${v}`).join("\n"),
    ...(address.length ? [`${t.ship_to}:\n${address.join("\n")}${order.shipping_method ? `\n${order.shipping_method}` : ""}`] : []),
  ].join("\n\n")
  const cell = "padding:6px 4px;border-bottom:1px solid #eee"
  const html =
    `<p><strong>${escapeHtml(t.order)} ${escapeHtml(String(order.display_id))}</strong> · ${escapeHtml(f.date(order.created_at))}</p>` +
    `<table style="width:100%;border-collapse:collapse;font-size:14px"><tr>` +
    `<th style="${cell};text-align:left">${escapeHtml(t.item)}</th><th style="${cell};text-align:right">${escapeHtml(t.qty)}</th>` +
    `<th style="${cell};text-align:right">${escapeHtml(t.price)}</th><th style="${cell};text-align:right">${escapeHtml(t.total)}</th></tr>` +
    order.items
      .map(
        (i) =>
          `<tr><td style="${cell}">${escapeHtml(itemName(i))}</td><td style="${cell};text-align:right">${i.quantity}</td>` +
          `<td style="${cell};text-align:right">${escapeHtml(f.money(i.unit_price))}</td><td style="${cell};text-align:right">${escapeHtml(f.money(i.subtotal))}</td></tr>`
      )
      .join("") +
    totals
      .map(([k, v], n) => {
        const strong = n === totals.length - 1
        return `<tr><td colspan="3" style="padding:4px;text-align:right${strong ? ";font-weight:bold" : ""}">${escapeHtml(k)}</td><td style="padding:4px;text-align:right${strong ? ";font-weight:bold" : ""}">${escapeHtml(v)}</td></tr>`
      })
      .join("") +
    `</table>` +
    (address.length
      ? `<p><strong>${escapeHtml(t.ship_to)}</strong><br>${address.map((l) => escapeHtml(l)).join("<br>")}${order.shipping_method ? `<br><em>${escapeHtml(order.shipping_method)}</em>` : ""}</p>`
      : "")
  return { text, html }
}

/** A page in the shop's colors: its logo (or name) in a band of the primary color, the accent on the rule below. */
function brandedLayout(shop: ShopBrand, lang: EmailLanguage, title: string, introHtml: string, body: string): string {
  const primary = safeColor(shop.theme?.primary_color, "#111111")
  const accent = safeColor(shop.theme?.accent_color, primary)
  const logo = safeLogo(shop.theme?.logo_url)
  const head = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(shop.name)}" style="max-height:48px;max-width:200px">`
    : `<span style="font-size:20px;font-weight:bold;color:#fff">${escapeHtml(shop.name)}</span>`
  return (
    `<!doctype html><html lang="${lang}"><body style="margin:0;font-family:${escapeHtml(safeFont(shop.theme?.font))}system-ui,sans-serif;color:#111">` +
    `<div style="max-width:600px;margin:auto">` +
    `<div style="background:${primary};padding:16px 20px;border-bottom:4px solid ${accent}">${head}</div>` +
    `<div style="padding:20px"><h1 style="font-size:20px;color:${primary}">${escapeHtml(title)}</h1>${introHtml}${body}</div>` +
    `<p style="padding:0 20px;color:#666;font-size:12px">${escapeHtml(shop.name)}</p></div></body></html>`
  )
}

/** What an order email's texts may say (the variables of templates.ts), in `lang`. */
function orderValues(shop: ShopBrand, order: OrderEmailData, lang: EmailLanguage): TemplateValues {
  const f = orderFormat(lang, order.currency_code)
  return {
    "order.display_id": String(order.display_id),
    "order.total": f.money(order.total),
    "order.date": f.date(order.created_at),
    "shop.name": shop.name,
    "customer.first_name": order.shipping_address?.first_name ?? "",
    "customer.last_name": order.shipping_address?.last_name ?? "",
    // A guest checkout without an email is named as such (the shop's notice says who ordered).
    "customer.email": order.email ?? ORDER_TEXT[lang].guest,
  }
}

/** The subject and intro of a shop's email: its own wording where it has one (`overrides`), else the built-in. */
function shopTexts(template: ShopEmailTemplate, lang: EmailLanguage, overrides: TemplateOverride[] | undefined, values: TemplateValues) {
  const texts = resolveTexts(template, lang, overrides)
  return { subject: renderSubject(texts.subject, values), intro: renderIntro(texts.intro, values) }
}

/** The customer's order confirmation, from the shop, in `lang`; `overrides`: the shop's wording (templates.ts). */
export function orderConfirmationEmail(d: { shop: ShopBrand; order: OrderEmailData; lang: EmailLanguage; overrides?: TemplateOverride[] }): Email {
  const { subject, intro } = shopTexts("order-confirmation", d.lang, d.overrides, orderValues(d.shop, d.order, d.lang))
  const order = renderOrder(d.order, d.lang)
  return { subject, text: `${intro.text}\n\n${order.text}\n\n${d.shop.name}\n`, html: brandedLayout(d.shop, d.lang, subject, intro.html, order.html) }
}

/** The shop's notice of a new order (to its contact address or owners), in the shop's language. */
export function vendorOrderNoticeEmail(d: {
  shop: ShopBrand
  order: OrderEmailData
  lang: EmailLanguage
  dashboard_url: string
  overrides?: TemplateOverride[]
}): Email {
  const { subject, intro } = shopTexts("vendor-order-notice", d.lang, d.overrides, orderValues(d.shop, d.order, d.lang))
  const order = renderOrder(d.order, d.lang)
  const link = `<p><a href="${escapeHtml(d.dashboard_url)}" style="color:${safeColor(d.shop.theme?.accent_color, "#111111")}">${escapeHtml(d.dashboard_url)}</a></p>`
  return {
    subject,
    text: `${intro.text}\n\n${order.text}\n\n${d.dashboard_url}\n`,
    html: brandedLayout(d.shop, d.lang, subject, intro.html, order.html + link),
  }
}

const RESET_TEXT: Record<EmailLanguage, { validity: string; action: string; footer: string }> = {
  fr: {
    validity: "Choisissez un nouveau mot de passe avec le lien ci-dessous. Il est valable 15 minutes ; ensuite, utilisez « Mot de passe oublié » sur la page de connexion.",
    action: "Choisir un nouveau mot de passe",
    footer: "Si vous n’avez rien demandé, ignorez cet e-mail.",
  },
  de: {
    validity: "Wählen Sie mit dem Link unten ein neues Passwort. Er ist 15 Minuten gültig; danach nutzen Sie „Passwort vergessen“ auf der Anmeldeseite.",
    action: "Neues Passwort wählen",
    footer: "Wenn Sie nichts angefordert haben, ignorieren Sie diese E-Mail.",
  },
  en: {
    validity: "Choose a new password with the link below. It is valid for 15 minutes; after that, use “Forgot password” on the login page.",
    action: "Choose a new password",
    footer: "If you did not ask for this, ignore this email.",
  },
}

/** A shop customer's reset link, in the shop's name, branding and language (the shop, not Maart, is who they know). */
export function shopPasswordResetEmail(d: { shop: ShopBrand; lang: EmailLanguage; url: string; email: string; overrides?: TemplateOverride[] }): Email {
  const t = RESET_TEXT[d.lang]
  const { subject, intro } = shopTexts("password-reset", d.lang, d.overrides, { "shop.name": d.shop.name, "customer.email": d.email })
  const accent = safeColor(d.shop.theme?.accent_color, safeColor(d.shop.theme?.primary_color, "#111111"))
  const body =
    `<p>${escapeHtml(t.validity)}</p>` +
    `<p><a href="${escapeHtml(d.url)}" style="display:inline-block;padding:10px 16px;background:${accent};color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(t.action)}</a></p>` +
    `<p style="color:#666;font-size:13px">${escapeHtml(t.footer)}<br>${escapeHtml(d.url)}</p>`
  return {
    subject,
    text: `${intro.text}\n\n${t.validity}\n\n${d.url}\n\n${t.footer}\n`,
    html: brandedLayout(d.shop, d.lang, subject, intro.html, body),
  }
}

/** The order shown in previews and test emails: made up, in the shop's currency of choice (EUR). */
export const SAMPLE_ORDER: OrderEmailData = {
  display_id: 1001,
  created_at: new Date("2026-11-27T10:00:00Z"),
  currency_code: "eur",
  email: "lea.muller@example.com",
  items: [
    { title: "Lampe Opaline", variant_title: "Blanc", quantity: 2, unit_price: 49, subtotal: 98 },
    { title: "Vase Kirchberg", variant_title: null, quantity: 1, unit_price: 35, subtotal: 35 },
  ],
  item_subtotal: 133,
  shipping_subtotal: 5.9,
  discount_total: 0,
  tax_total: 23.6,
  total: 162.5,
  shipping_address: { first_name: "Léa", last_name: "Muller", address_1: "12 rue du Marché-aux-Herbes", postal_code: "1728", city: "Luxembourg", country_code: "lu" },
  shipping_method: "Standard delivery",
}

/**
 * One of a shop's emails rendered with sample data (the template editor's preview and its test email):
 * the shop's real name and branding, the sample order, the texts as given (or stored, or built in).
 */
export function shopEmailSample(template: ShopEmailTemplate, d: { shop: ShopBrand; lang: EmailLanguage; overrides?: TemplateOverride[]; admin_url: string }): Email {
  switch (template) {
    case "order-confirmation":
      return orderConfirmationEmail({ shop: d.shop, order: SAMPLE_ORDER, lang: d.lang, overrides: d.overrides })
    case "vendor-order-notice":
      return vendorOrderNoticeEmail({ shop: d.shop, order: SAMPLE_ORDER, lang: d.lang, overrides: d.overrides, dashboard_url: `${d.admin_url}/orders/order_sample` })
    case "password-reset":
      return shopPasswordResetEmail({ shop: d.shop, lang: d.lang, overrides: d.overrides, email: SAMPLE_ORDER.email!, url: "https://shop.example/reset-password?token=sample" })
  }
}
