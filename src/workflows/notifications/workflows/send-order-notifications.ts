import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planOrderEmails, type OrderEmailRetry } from "../order-emails"
import { loadOrderEmailDataStep } from "../steps/load-order-email-data"
import { sendOrderEmailsStep } from "../steps/send-order-emails"

export const sendOrderNotificationsWorkflowId = "send-order-notifications"

export type SendOrderNotificationsInput = {
  order_id: string
  /** Only these emails, as these attempts (the retry job); without it, every email of the order, first attempt. */
  retry?: OrderEmailRetry[]
}

/**
 * Emails a placed order: the customer's confirmation (in the order's language, in the shop's name,
 * logo and colors) and the shop's new-order notice (to its contact address or owners, in its default
 * language), through Medusa's notification module. Each email is sent once per attempt (idempotency
 * keys); a failed one is recorded and left to the retry job, never thrown. Returns what happened to each.
 *
 * @example
 * const { result } = await sendOrderNotificationsWorkflow(container).run({ input: { order_id: "order_…" } })
 * // [{ template: "order-confirmation", to: "lea@example.lu", status: "sent", notification_id: "noti_…" }, …]
 */
export const sendOrderNotificationsWorkflow = createWorkflow(sendOrderNotificationsWorkflowId, (input: SendOrderNotificationsInput) => {
  const context = loadOrderEmailDataStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  const emails = transform({ input, context }, ({ input, context }) => planOrderEmails(context, input.retry))
  const results = sendOrderEmailsStep(emails)
  return new WorkflowResponse(results)
})
