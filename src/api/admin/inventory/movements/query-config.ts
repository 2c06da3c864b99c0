export const inventoryMovementFields = [
  "id",
  "vendor_id",
  "inventory_item_id",
  "location_id",
  "sku",
  "reason",
  "stocked_delta",
  "reserved_delta",
  "stocked_after",
  "actor_type",
  "actor_id",
  "reference",
  "note",
  "created_at",
]
export const listInventoryMovementQueryConfig = { defaults: inventoryMovementFields, allowed: inventoryMovementFields, isList: true, defaultLimit: 50 }
