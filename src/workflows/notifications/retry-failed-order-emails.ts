import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ORDER_EMAIL_TEMPLATES, type OrderEmailRetry, type OrderEmailTemplate } from "./order-emails"
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

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
