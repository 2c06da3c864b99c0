import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { movementActor } from "../workflows/inventory-ledger/actor"
import { recordInventoryMovementsWorkflow } from "../workflows/inventory-ledger/workflows/record-inventory-movements"

/**
 * Cancelling an order releases its reservations: Medusa deletes them (softly), and each one's
 * quantity at that moment — what was still reserved — goes back to available.
 */
export default async function orderCanceledMovements({ event, container }: SubscriberArgs<{ id: string }>) {
  const { data: [order] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.id", "fulfillments.canceled_at"],
    filters: { id: event.data.id },
  })
  const lineItemIds = (order?.items ?? []).flatMap((i: any) => (i?.id ? [i.id as string] : []))
  if (!lineItemIds.length) {
    return
  }
  const reservations = await container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ line_item_id: lineItemIds }, { select: ["id", "inventory_item_id", "location_id", "quantity", "deleted_at"], withDeleted: true })
  // A fulfilment deleted the reservations it shipped; an order is cancelled only once its fulfilments
  // are, so what was deleted before the last fulfilment's cancellation was shipped, not released.
  const shippedUntil = Math.max(0, ...(order.fulfillments ?? []).map((f: any) => (f?.canceled_at ? new Date(f.canceled_at).getTime() : 0)))
  const actor = movementActor()
  const movements = reservations
    .filter((r) => !!r.deleted_at && new Date(r.deleted_at).getTime() >= shippedUntil)
    .map((r) => ({
      inventory_item_id: r.inventory_item_id,
      location_id: r.location_id,
      reason: "reservation_released" as const,
      reserved_delta: -Number(r.quantity),
      ...actor,
      reference: order.id,
      note: "order canceled",
      source_key: `reservation_released:${r.id}`,
    }))
  await recordInventoryMovementsWorkflow(container).run({ input: { movements } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "maart-inventory-movements-order-canceled" },
}
