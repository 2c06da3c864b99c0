import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendEmail } from "../../../lib/emails"
import type { PlannedOrderEmail } from "../order-emails"

export const sendOrderEmailsStepId = "send-order-emails"

export type SentOrderEmail = { template: string; to: string; status: "sent" | "failed" | "skipped"; notification_id?: string }

/**
 * Sends an order's planned emails through the notification module, each at most once per attempt:
 * an email whose idempotency key already has a record (sent, or failed and left to the retry job) is
 * skipped — Medusa would re-send a failed key itself, but then updates a record id it never created
 * (read in 2.21.2's createNotifications_: the update throws NOT_FOUND and the record stays `failure`),
 * so the next retry would send it again. A failed send is recorded `failure` by the
 * module and reported here, not thrown: the order is placed whatever the mail server does, and
 * src/jobs/retry-order-notifications.ts sends it again. No compensation: a sent email cannot be recalled.
 */
export const sendOrderEmailsStep = createStep(sendOrderEmailsStepId, async (emails: PlannedOrderEmail[], { container }) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const results: SentOrderEmail[] = []
  for (const e of emails) {
    const [existing] = await notifications.listNotifications(
      // A column of the model that Medusa's filter type does not list.
      { idempotency_key: e.idempotency_key } as Parameters<typeof notifications.listNotifications>[0],
      { select: ["id"] }
    )
    if (existing) {
      results.push({ template: e.template, to: e.to, status: "skipped", notification_id: existing.id })
      continue
    }
    try {
      const sent = await sendEmail(container, e)
      results.push({ template: e.template, to: e.to, status: "sent", notification_id: sent.id })
    } catch (err) {
      logger.warn(`Order email ${e.template} for ${e.record.resource_id} failed (the retry job sends it again): ${(err as Error).message}`)
      results.push({ template: e.template, to: e.to, status: "failed" })
    }
  }
  return new StepResponse(results)
})
