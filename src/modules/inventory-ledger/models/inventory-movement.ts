import { model } from "@medusajs/framework/utils"

export const MOVEMENT_KINDS = ["import", "adjustment", "reservation", "reservation_released", "fulfillment", "return"] as const
export const MOVEMENT_ACTORS = ["user", "customer", "system"] as const

/**
 * One change of stock at one location: how much the stocked and reserved
 * quantities moved, why, who did it, and what it belongs to (an order, a
 * reservation, a publish job, a request). Append-only — the migration adds a
 * trigger that refuses UPDATE and DELETE. `source_key` names the change itself,
 * so a retried event or request records it once. vendor_id is a plain column,
 * not a link: the ledger outlives the records it names.
 */
const InventoryMovement = model
  .define("inventory_movement", {
    id: model.id({ prefix: "imov" }).primaryKey(),
    vendor_id: model.text().nullable(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    sku: model.text().nullable(),
    reason: model.enum([...MOVEMENT_KINDS]),
    stocked_delta: model.number().default(0),
    reserved_delta: model.number().default(0),
    stocked_after: model.number().nullable(),
    actor_type: model.enum([...MOVEMENT_ACTORS]),
    actor_id: model.text().nullable(),
    reference: model.text().nullable(),
    note: model.text().nullable(),
    source_key: model.text(),
  })
  .indexes([
    { on: ["vendor_id", "created_at"] },
    { on: ["inventory_item_id", "created_at"] },
    { on: ["created_at"] },
    { on: ["source_key"], unique: true },
  ])

export default InventoryMovement
