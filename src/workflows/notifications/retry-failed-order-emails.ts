import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { ORDER_EMAIL_TEMPLATES, orderEmailKey, type OrderEmailRetry, type OrderEmailTemplate } from "./order-emails"
import { sendOrderNotificationsWorkflow } from "./workflows/send-order-notifications"

export type OrderEmailRetryPolicy = { max_attempts: number; base_delay_seconds: number }

/** Failures older than this are not looked at any more (every attempt is spent long before). */
const LOOK_BACK_MS = 7 * 24 * 3600 * 1000
const PAGE = 200

type Attempt = { id: string; to: string; template: string; resource_id: string; status: string; created_at: Date | string }

/**
 * Sends again the order emails whose every attempt failed: the n-th retry once
 * base_delay_seconds × 2^(n-1) have passed since the attempt before it, until max_attempts sends in
 * all. An email with any sent (or still pending) attempt is left alone. Each retry is a new
 * notification (its own idempotency key, `original_notification_id` = the first attempt), sent through
 * sendOrderNotificationsWorkflow, which re-renders it from the order. Returns the retries it made.
 */
export async function retryFailedOrderEmails(container: MedusaContainer, policy: OrderEmailRetryPolicy, now = new Date()) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const since = new Date(now.getTime() - LOOK_BACK_MS)

  // The orders with a failed email, page by page (failures are few; the look-back bounds them).
  const orderIds = new Set<string>()
  for (let skip = 0; ; skip += PAGE) {
    const failed = await notifications.listNotifications(
      { template: [...ORDER_EMAIL_TEMPLATES], status: "failure", resource_type: "order", created_at: { $gte: since } } as Record<string, unknown>,
      { select: ["resource_id"], skip, take: PAGE, order: { created_at: "ASC" } }
    )
    failed.forEach((n) => n.resource_id && orderIds.add(n.resource_id))
    if (failed.length < PAGE) break
  }

  const retries = new Map<string, OrderEmailRetry[]>()
  for (const ids of chunks([...orderIds], PAGE)) {
    const attempts = (await notifications.listNotifications(
      { resource_id: ids, template: [...ORDER_EMAIL_TEMPLATES] },
      { select: ["id", "to", "template", "resource_id", "status", "created_at"], take: null }
    )) as Attempt[]
    const byEmail = new Map<string, Attempt[]>()
    for (const a of attempts) {
      const key = `${a.resource_id}\u0000${a.template}\u0000${a.to.toLowerCase()}`
      byEmail.set(key, [...(byEmail.get(key) ?? []), a])
    }
    for (const group of byEmail.values()) {
      if (group.some((a) => a.status !== "failure") || group.length >= policy.max_attempts) {
        continue
      }
      const sorted = group.sort((x, y) => +new Date(x.created_at) - +new Date(y.created_at))
      const last = sorted[sorted.length - 1]
      const due = +new Date(last.created_at) + policy.base_delay_seconds * 1000 * 2 ** (group.length - 1)
      if (due > now.getTime()) {
        continue
      }
      const orderId = last.resource_id
      retries.set(orderId, [
        ...(retries.get(orderId) ?? []),
        { template: last.template as OrderEmailTemplate, to: last.to, attempt: group.length + 1, original_notification_id: sorted[0].id },
      ])
    }
  }

  const made: (OrderEmailRetry & { order_id: string; status: string })[] = []
  for (const [orderId, retry] of retries) {
    try {
      const { result } = await sendOrderNotificationsWorkflow(container).run({ input: { order_id: orderId, retry } })
      for (const r of retry) {
        const status = result.find((s) => s.template === r.template && s.to.toLowerCase() === r.to.toLowerCase())?.status ?? "skipped"
        made.push({ ...r, order_id: orderId, status })
        if (status === "failed" && r.attempt >= policy.max_attempts) {
          logger.error(`Order email ${r.template} for ${orderId} to ${r.to} failed ${r.attempt} times: giving up`)
        }
      }
    } catch (e) {
      logger.error(`Retrying the emails of order ${orderId} failed: ${(e as Error).message}`)
    }
  }
  return made
}

type NotificationRecord = {
  id: string
  to: string
  template: string | null
  resource_id: string | null
  resource_type?: string | null
  data?: Record<string, unknown> | null
}

/**
 * Sends one failed order email again, now (the shop's log, POST /admin/notifications/:id/retry), the
 * way the job does: as the next attempt of that email (its own idempotency key), re-rendered from the
 * order by sendOrderNotificationsWorkflow. Idempotent: when an attempt of that email went out (or is
 * going out), it is answered and nothing is sent — a request posted twice sends once, and two posts at
 * the same moment make the same attempt, whose key the notification table holds once.
 * Only order emails can be sent again: a password reset's link is in no record (400 NOTIFICATION_NOT_RETRYABLE).
 */
export async function retryOrderEmail(container: MedusaContainer, notification: NotificationRecord): Promise<{ notification_id: string; sent: boolean }> {
  const template = notification.template as OrderEmailTemplate
  if (!ORDER_EMAIL_TEMPLATES.includes(template) || notification.resource_type !== "order" || !notification.resource_id || notification.data?.test) {
    throw maartError("INVALID_DATA", ErrorCodes.NOTIFICATION_NOT_RETRYABLE, `Only an order's emails can be sent again (this is ${notification.template}).`)
  }
  const notifications = container.resolve(Modules.NOTIFICATION)
  const attempts = ((await notifications.listNotifications(
    { resource_id: notification.resource_id, template },
    { select: ["id", "to", "template", "resource_id", "status", "created_at"], take: null, order: { created_at: "ASC" } }
  )) as Attempt[]).filter((a) => a.to.toLowerCase() === notification.to.toLowerCase())
  const out = [...attempts].reverse().find((a) => a.status !== "failure")
  if (out) {
    return { notification_id: out.id, sent: false }
  }
  const attempt = attempts.length + 1
  const retry: OrderEmailRetry = { template, to: notification.to, attempt, original_notification_id: attempts[0]?.id ?? notification.id }
  const { result } = await sendOrderNotificationsWorkflow(container).run({ input: { order_id: notification.resource_id, retry: [retry] } })
  const [made] = await notifications.listNotifications(
    // A column of the model that Medusa's filter type does not list.
    { idempotency_key: orderEmailKey(notification.resource_id, template, notification.to, attempt) } as Parameters<typeof notifications.listNotifications>[0],
    { select: ["id", "status"] }
  )
  if (!made) {
    // Nothing planned: the shop has switched its notice off since.
    throw maartError("INVALID_DATA", ErrorCodes.NOTIFICATION_NOT_RETRYABLE, `${template} is switched off for this shop: nothing was sent.`)
  }
  return { notification_id: made.id, sent: result.some((r) => r.status === "sent") }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
