import type { InventoryTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type NewStock = { variant_id: string; item: InventoryTypes.CreateInventoryItemInput; stocked_quantity: number | null }

export const createPublishInventoryStepId = "create-publish-inventory"

/**
 * The inventory items of new variants that manage inventory (the default item
 * Medusa makes for such a variant), and their levels at the vendor's warehouse
 * with the feed's quantity at once — two inventory-module calls. Returns the
 * item per variant, for the variant ↔ item and vendor ↔ item links.
 * Compensation deletes the levels, then the items.
 */
export const createPublishInventoryStep = createStep(
  createPublishInventoryStepId,
  async (input: { location_id: string | null; stock: NewStock[] }, { container }) => {
    if (!input.stock.length) {
      return new StepResponse([] as { variant_id: string; inventory_item_id: string }[], null)
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const items = await inventory.createInventoryItems(input.stock.map((s) => s.item))
    const levels = input.location_id
      ? await inventory.createInventoryLevels(
          items.map((item, i) => ({ inventory_item_id: item.id, location_id: input.location_id!, stocked_quantity: input.stock[i].stocked_quantity ?? 0 }))
        )
      : []
    const result = items.map((item, i) => ({ variant_id: input.stock[i].variant_id, inventory_item_id: item.id }))
    return new StepResponse(result, { item_ids: items.map((i) => i.id), level_ids: levels.map((l) => l.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    if (undo.level_ids.length) {
      await inventory.deleteInventoryLevels(undo.level_ids)
    }
    await inventory.deleteInventoryItems(undo.item_ids)
  }
)
