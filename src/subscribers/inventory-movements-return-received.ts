import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { INVENTORY_LEDGER_MODULE } from "../modules/inventory-ledger"
import type InventoryLedgerModuleService from "../modules/inventory-ledger/service"
import { movementActor } from "../workflows/inventory-ledger/actor"
import { recordInventoryMovementsWorkflow } from "../workflows/inventory-ledger/workflows/record-inventory-movements"

/**
 * Received returns go back into stock: Medusa adds received quantity × the variant's required
 * quantity to each inventory item stocked at the return's location. A return may be received in
 * several goes; the event names only the return, so each movement is what was received in all
 * minus what the ledger already holds for that return and item. The actor is whoever confirmed
 * the receipt (the order change's `confirmed_by`).
 */
export default async function returnReceivedMovements({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [ret] } = await query.graph({
    entity: "return",
    fields: [
      "id", "location_id", "items.received_quantity", "items.item.variant.manage_inventory",
      "items.item.variant.inventory_items.inventory_item_id", "items.item.variant.inventory_items.required_quantity",
      "items.item.variant.inventory_items.inventory.location_levels.location_id",
    ],
    filters: { id: event.data.return_id },
  })
  if (!ret?.location_id) {
    return
  }
  const locationId: string = ret.location_id
  const received = new Map<string, number>()
  for (const item of ret.items ?? []) {
    const variant = (item as any)?.item?.variant
    if (!variant?.manage_inventory) continue
    for (const link of variant.inventory_items ?? []) {
      const stockedHere = (link?.inventory?.location_levels ?? []).some((l: any) => l?.location_id === locationId)
      if (link?.inventory_item_id && stockedHere) {
        const quantity = Number((item as any).received_quantity ?? 0) * Number(link.required_quantity ?? 1)
        received.set(link.inventory_item_id, (received.get(link.inventory_item_id) ?? 0) + quantity)
      }
    }
  }
  if (!received.size) {
    return
  }
  const ledger = container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE)
  const earlier = await ledger.listInventoryMovements({ reason: "return", reference: ret.id }, { select: ["inventory_item_id", "stocked_delta"] })
  const { data: changes } = await query.graph({
    entity: "order_change",
    fields: ["confirmed_by", "confirmed_at"],
    filters: { return_id: ret.id, change_type: "return_receive" },
  })
  const confirmedBy = changes.filter((c: any) => c.confirmed_at).sort((x: any, y: any) => +new Date(y.confirmed_at) - +new Date(x.confirmed_at))[0]?.confirmed_by
  const actor = movementActor(confirmedBy)
  const movements = [...received].map(([inventory_item_id, total]) => ({
    inventory_item_id,
    location_id: locationId,
    reason: "return" as const,
    stocked_delta: total - earlier.filter((m) => m.inventory_item_id === inventory_item_id).reduce((s, m) => s + Number(m.stocked_delta), 0),
    ...actor,
    reference: ret.id,
    note: `order ${event.data.order_id}`,
    source_key: `return:${ret.id}:${inventory_item_id}:${total}`,
  }))
  await recordInventoryMovementsWorkflow(container).run({ input: { movements } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "maart-inventory-movements-return-received" },
}
