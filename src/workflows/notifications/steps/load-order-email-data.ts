import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { publicUrl } from "../../../lib/env"
import { NOTIFICATION_TEMPLATE_MODULE } from "../../../modules/notification-template"
import type NotificationTemplateModuleService from "../../../modules/notification-template/service"
import { TEAM_MODULE } from "../../../modules/team"
import type TeamModuleService from "../../../modules/team/service"
import type { OrderEmailContext } from "../order-emails"

export const loadOrderEmailDataStepId = "load-order-email-data"

const ORDER_FIELDS = [
  "id", "display_id", "email", "locale", "currency_code", "created_at", "customer_id", "sales_channel_id",
  "item_subtotal", "shipping_subtotal", "discount_total", "tax_total", "total",
  "items.title", "items.variant_title", "items.quantity", "items.unit_price", "items.subtotal",
  "shipping_address.first_name", "shipping_address.last_name", "shipping_address.company", "shipping_address.address_1",
  "shipping_address.address_2", "shipping_address.postal_code", "shipping_address.city", "shipping_address.country_code",
  "shipping_methods.name",
]

// Medusa's amounts come as numbers or BigNumber-like values.
const amount = (v: unknown) => Number((v as { numeric?: number } | null)?.numeric ?? v ?? 0)

/**
 * Reads what an order's emails are made of: the order with its lines, totals and address; its shop
 * (the vendor of its sales channel) with name, theme and default language; and who receives the shop's
 * notice — the vendor's contact email, else its active owners; and the shop's own wording of its emails. Read only.
 */
export const loadOrderEmailDataStep = createStep(loadOrderEmailDataStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: input.order_id } })
  if (!order) {
    throw new Error(`Order ${input.order_id} not found`)
  }
  const { data: channels } = order.sales_channel_id
    ? await query.graph({
        entity: "sales_channel",
        fields: ["vendor.id", "vendor.name", "vendor.email", "vendor.theme", "vendor.default_language"],
        filters: { id: order.sales_channel_id },
      })
    : { data: [] }
  const vendor = (channels[0] as { vendor?: NonNullable<OrderEmailContext["vendor"]> & { email?: string | null } } | undefined)?.vendor ?? null

  let recipients: string[] = []
  if (vendor?.email) {
    recipients = [vendor.email]
  } else if (vendor) {
    const owners = await container
      .resolve<TeamModuleService>(TEAM_MODULE)
      .listMemberships({ vendor_id: vendor.id, active: true, role: { key: "owner" } }, { select: ["user_id"] })
    const users = owners.length
      ? await container.resolve(Modules.USER).listUsers({ id: owners.map((m) => m.user_id) }, { select: ["email"] })
      : []
    recipients = users.map((u) => u.email).sort()
  }

  const overrides = vendor ? await container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE).overridesOf(vendor.id) : []

  const adminPath = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).admin?.path ?? "/app"
  const context: OrderEmailContext = {
    order: {
      id: order.id,
      display_id: order.display_id ?? order.id,
      created_at: order.created_at as Date,
      email: order.email ?? null,
      locale: (order as { locale?: string | null }).locale ?? null,
      customer_id: order.customer_id ?? null,
      currency_code: order.currency_code,
      items: (order.items ?? []).flatMap((i) =>
        i
          ? [{ title: i.title, variant_title: i.variant_title, quantity: amount(i.quantity), unit_price: amount(i.unit_price), subtotal: amount(i.subtotal) }]
          : []
      ),
      item_subtotal: amount(order.item_subtotal),
      shipping_subtotal: amount(order.shipping_subtotal),
      discount_total: amount(order.discount_total),
      tax_total: amount(order.tax_total),
      total: amount(order.total),
      shipping_address: order.shipping_address ?? null,
      shipping_method: order.shipping_methods?.[0]?.name ?? null,
    },
    vendor: vendor && { id: vendor.id, name: vendor.name, theme: vendor.theme, default_language: vendor.default_language },
    vendor_recipients: recipients,
    dashboard_url: `${publicUrl()}${adminPath}/orders/${order.id}`,
    overrides,
  }
  return new StepResponse(context)
})
