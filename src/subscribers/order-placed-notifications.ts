import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendOrderNotificationsWorkflow } from "../workflows/notifications/workflows/send-order-notifications"

/**
 * A placed order is emailed to its customer and its shop. Runs after checkout has answered (events
 * are released once completeCartWorkflow succeeds), so the mail server never slows or fails a
 * checkout; failed sends are recorded and retried by src/jobs/retry-order-notifications.ts.
 */
export default async function orderPlacedNotifications({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await sendOrderNotificationsWorkflow(container).run({ input: { order_id: data.id } })
  } catch (e) {
    // Not rethrown: with nothing recorded there is nothing to retry, and the event bus would only log it.
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Order emails for ${data.id} could not be prepared: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "maart-order-placed-notifications" },
}
