import type { MedusaContainer } from "@medusajs/framework/types"
import { orderEmailRetry } from "../lib/env"
import { retryFailedOrderEmails } from "../workflows/notifications/retry-failed-order-emails"

/**
 * Every minute: order emails that failed (mail server down, address refused) are sent again with
 * exponential back-off, up to ORDER_EMAIL_MAX_ATTEMPTS (src/lib/env.ts `orderEmailRetry`).
 *
 * Why a job and not the event bus's retries: the local event bus (no REDIS_URL) has none — it logs a
 * subscriber's error and drops the event — and the Redis one retries only events emitted with an
 * `attempts` option, which Medusa's `order.placed` is not; a retry would also re-run every subscriber
 * of the event. The notification table already records each failure, so the job works the same on
 * both buses, survives restarts, and can be run at once (the tests call this function).
 */
export default async function retryOrderNotifications(container: MedusaContainer) {
  await retryFailedOrderEmails(container, orderEmailRetry())
}

export const config = { name: "retry-order-notifications", schedule: "* * * * *" }
