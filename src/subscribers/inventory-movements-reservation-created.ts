import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { movementActor } from "../workflows/inventory-ledger/actor"
import { recordInventoryMovementsWorkflow } from "../workflows/inventory-ledger/workflows/record-inventory-movements"

/**
 * A reservation holds stock (cart completion, an admin's reservation): reserved +quantity at its
 * location. The actor is the admin who made it, else the order's customer.
 */
export default async function reservationCreatedMovement({ event, container }: SubscriberArgs<{ id: string; order_id?: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [reservation] } = await query.graph({
    entity: "reservation",
    fields: ["id", "inventory_item_id", "location_id", "quantity", "created_by"],
    filters: { id: event.data.id },
    withDeleted: true,
  })
  if (!reservation) {
    return
  }
  const orderId = event.data.order_id ?? null
  const { data: [order] } = orderId ? await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } }) : { data: [] as any[] }
  await recordInventoryMovementsWorkflow(container).run({
    input: {
      movements: [
        {
          inventory_item_id: reservation.inventory_item_id,
          location_id: reservation.location_id,
          reason: "reservation",
          reserved_delta: Number(reservation.quantity),
          ...movementActor(reservation.created_by, order?.customer_id),
          reference: orderId ?? reservation.id,
          source_key: `reservation:${reservation.id}`,
        },
      ],
    },
  })
}

export const config: SubscriberConfig = {
  event: ReservationItemWorkflowEvents.CREATED,
  context: { subscriberId: "maart-inventory-movements-reservation-created" },
}
