import { emailLanguage, orderConfirmationEmail, vendorOrderNoticeEmail, type Email, type OrderEmailData, type ShopBrand } from "../../lib/emails"
import { resolveTexts, type TemplateOverride } from "../../modules/notification-template/templates"

/** The notification templates of an order's emails (also how the retry job finds them). */
export const ORDER_CONFIRMATION = "order-confirmation"
export const VENDOR_ORDER_NOTICE = "vendor-order-notice"
export const ORDER_EMAIL_TEMPLATES = [ORDER_CONFIRMATION, VENDOR_ORDER_NOTICE] as const
export type OrderEmailTemplate = (typeof ORDER_EMAIL_TEMPLATES)[number]

/** What the emails of one order are made from (loadOrderEmailDataStep). */
export type OrderEmailContext = {
  order: OrderEmailData & { id: string; locale: string | null; customer_id: string | null }
  vendor: (ShopBrand & { id: string; default_language: string | null }) | null
  /** The vendor's contact address, or its owners' when it has none. */
  vendor_recipients: string[]
  dashboard_url: string
  /** The shop's own wording of its emails (src/modules/notification-template). */
  overrides: TemplateOverride[]
}

/** A retry of one email of an order (the retry job's input): its attempt number and the first attempt's record. */
export type OrderEmailRetry = { template: OrderEmailTemplate; to: string; attempt: number; original_notification_id: string }

export type PlannedOrderEmail = {
  to: string
  template: OrderEmailTemplate
  email: Email
  data: Record<string, unknown>
  idempotency_key: string
  record: { resource_id: string; resource_type: "order"; receiver_id: string | null; trigger_type: string; original_notification_id: string | null }
}

/**
 * One key per order, email, recipient and attempt: a re-delivered `order.placed` finds the first
 * attempt's record and sends nothing; a retry is a new attempt with its own key, so two runs of the
 * retry job cannot both send it (the key is unique in the notification table).
 */
export const orderEmailKey = (orderId: string, template: string, to: string, attempt: number) =>
  `order-email:${orderId}:${template}:${to.toLowerCase()}${attempt > 1 ? `:attempt-${attempt}` : ""}`

/**
 * Renders an order's emails: the customer's confirmation in the order's language (the cart's
 * `locale`, else the shop's default language, else French) and the shop's notice in its default
 * language. With `retry`, only the emails named there, as those attempts.
 */
export function planOrderEmails(ctx: OrderEmailContext, retry?: OrderEmailRetry[]): PlannedOrderEmail[] {
  const { order, vendor } = ctx
  if (!vendor) {
    // An order outside any shop (made by a platform script): no shop to write as.
    return []
  }
  const customerLang = emailLanguage(order.locale, vendor.default_language)
  const vendorLang = emailLanguage(vendor.default_language)
  const all: Omit<PlannedOrderEmail, "idempotency_key" | "record">[] = []
  if (order.email) {
    all.push({
      to: order.email,
      template: ORDER_CONFIRMATION,
      email: orderConfirmationEmail({ shop: vendor, order, lang: customerLang, overrides: ctx.overrides }),
      data: { order_id: order.id, display_id: order.display_id, vendor_id: vendor.id, language: customerLang },
    })
  }
  // A shop may switch its own notice off (the customer's confirmation always goes).
  const noticeOn = resolveTexts(VENDOR_ORDER_NOTICE, vendorLang, ctx.overrides).enabled
  for (const to of noticeOn ? ctx.vendor_recipients : []) {
    all.push({
      to,
      template: VENDOR_ORDER_NOTICE,
      email: vendorOrderNoticeEmail({ shop: vendor, order, lang: vendorLang, dashboard_url: ctx.dashboard_url, overrides: ctx.overrides }),
      data: { order_id: order.id, display_id: order.display_id, vendor_id: vendor.id, language: vendorLang },
    })
  }
  return all.flatMap((e) => {
    const again = retry?.find((r) => r.template === e.template && r.to.toLowerCase() === e.to.toLowerCase())
    if (retry && !again) {
      return []
    }
    return [
      {
        ...e,
        idempotency_key: orderEmailKey(order.id, e.template, e.to, again?.attempt ?? 1),
        record: {
          resource_id: order.id,
          resource_type: "order" as const,
          receiver_id: e.template === ORDER_CONFIRMATION ? order.customer_id : vendor.id,
          trigger_type: again ? "order-email-retry" : "order.placed",
          original_notification_id: again?.original_notification_id ?? null,
        },
      },
    ]
  })
}
