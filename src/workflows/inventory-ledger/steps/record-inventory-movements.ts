import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import type InventoryLedgerModuleService from "../../../modules/inventory-ledger/service"
import type { NewMovement } from "../../../modules/inventory-ledger/service"
import { TENANCY_MODULE } from "../../../modules/tenancy"

/** A movement as its source knows it; the step adds the vendor (from the location) and the SKU. */
export type MovementDraft = Omit<NewMovement, "vendor_id" | "sku">

/**
 * Appends movements with their vendor and SKU; zero movements are dropped, ones already recorded
 * skipped. Returns the rows this call added (what a compensation reverses).
 */
export async function recordMovements(container: MedusaContainer, drafts: MovementDraft[]): Promise<NewMovement[]> {
  const movements = drafts.filter((d) => (d.stocked_delta ?? 0) !== 0 || (d.reserved_delta ?? 0) !== 0)
  if (!movements.length) {
    return []
  }
  const locationIds = [...new Set(movements.map((m) => m.location_id))]
  const itemIds = [...new Set(movements.map((m) => m.inventory_item_id))]
  const [vendorLinks, items] = await Promise.all([
    container.resolve(ContainerRegistrationKeys.LINK).list({ [TENANCY_MODULE]: { vendor_id: { $ne: null } }, [Modules.STOCK_LOCATION]: { stock_location_id: locationIds } }),
    container.resolve(Modules.INVENTORY).listInventoryItems({ id: itemIds }, { select: ["id", "sku"], withDeleted: true }),
  ])
  const vendorOf = new Map((vendorLinks as { vendor_id: string; stock_location_id: string }[]).map((l) => [l.stock_location_id, l.vendor_id]))
  const skuOf = new Map(items.map((i) => [i.id, i.sku ?? null]))
  const rows: NewMovement[] = movements.map((m) => ({ ...m, vendor_id: vendorOf.get(m.location_id) ?? null, sku: skuOf.get(m.inventory_item_id) ?? null }))
  const added = new Set(await container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE).record(rows))
  return rows.filter((r) => added.has(r.source_key))
}

/** The ledger is append-only: undoing movements appends their reversals. */
export async function reverseMovements(container: MedusaContainer, recorded: NewMovement[] | undefined) {
  if (!recorded?.length) {
    return
  }
  const reversals = recorded.map((m) => ({
    ...m,
    stocked_delta: -(m.stocked_delta ?? 0),
    reserved_delta: -(m.reserved_delta ?? 0),
    stocked_after: null,
    note: "reverted: the change was rolled back",
    source_key: `${m.source_key}:reverted`,
  }))
  await container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE).record(reversals)
}

export const recordInventoryMovementsStepId = "record-inventory-movements"

/**
 * Appends movements to the inventory ledger, each with the vendor that owns its
 * stock location and its item's SKU. Movements already recorded (same
 * `source_key`) are skipped. The ledger is append-only, so the compensation
 * appends the reversal of each movement this step added.
 */
export const recordInventoryMovementsStep = createStep(
  recordInventoryMovementsStepId,
  async (drafts: MovementDraft[], { container }) => {
    const added = await recordMovements(container, drafts)
    return new StepResponse(added.map((m) => m.source_key), added)
  },
  async (recorded, { container }) => reverseMovements(container, recorded)
)
