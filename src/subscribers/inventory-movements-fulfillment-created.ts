import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { movementActor } from "../workflows/inventory-ledger/actor"
import { recordInventoryMovementsWorkflow } from "../workflows/inventory-ledger/workflows/record-inventory-movements"

/**
 * A fulfilment ships reserved stock: Medusa takes each fulfilment item's quantity (already
 * multiplied by the variant's required quantity) off both the stocked and the reserved quantity
 * at the fulfilment's location. Items without an inventory item move no stock.
 */
export default async function fulfillmentCreatedMovement({ event, container }: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const { data: [fulfillment] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "fulfillment",
    fields: ["id", "location_id", "created_by", "items.id", "items.inventory_item_id", "items.quantity"],
    filters: { id: event.data.fulfillment_id },
  })
  if (!fulfillment?.location_id) {
    return
  }
  const actor = movementActor(fulfillment.created_by)
  const movements = (fulfillment.items ?? []).flatMap((item: any) =>
    item?.inventory_item_id
      ? [
          {
            inventory_item_id: item.inventory_item_id as string,
            location_id: fulfillment.location_id,
            reason: "fulfillment" as const,
            stocked_delta: -Number(item.quantity),
            reserved_delta: -Number(item.quantity),
            ...actor,
            reference: event.data.order_id,
            note: `fulfillment ${fulfillment.id}`,
            source_key: `fulfillment:${item.id}`,
          },
        ]
      : []
  )
  await recordInventoryMovementsWorkflow(container).run({ input: { movements } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "maart-inventory-movements-fulfillment-created" },
}
