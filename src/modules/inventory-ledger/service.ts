import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import InventoryMovement, { MOVEMENT_ACTORS, MOVEMENT_KINDS } from "./models/inventory-movement"

export type MovementReason = (typeof MOVEMENT_KINDS)[number]
export type MovementActor = { actor_type: (typeof MOVEMENT_ACTORS)[number]; actor_id: string | null }

/** One movement to append. `source_key` identifies the change: recording it again does nothing. */
export type NewMovement = MovementActor & {
  vendor_id: string | null
  inventory_item_id: string
  location_id: string
  sku?: string | null
  reason: MovementReason
  stocked_delta?: number
  reserved_delta?: number
  stocked_after?: number | null
  reference?: string | null
  note?: string | null
  source_key: string
}

const COLUMNS = [
  "vendor_id", "inventory_item_id", "location_id", "sku", "reason", "stocked_delta", "reserved_delta",
  "stocked_after", "actor_type", "actor_id", "reference", "note", "source_key",
] as const
const INSERT_BATCH = 2000

/**
 * The inventory ledger (docs/selling.md, "Inventory movements"): `record`
 * appends movements, skipping those whose `source_key` is already there, so
 * subscribers and steps may run again safely. Reads go through Query or
 * `listAndCountInventoryMovements`. The table is append-only.
 */
class InventoryLedgerModuleService extends MedusaService({ InventoryMovement }) {
  /** Appends the movements not recorded yet; returns the source keys of those that were new. */
  @InjectManager()
  async record(movements: NewMovement[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!movements.length) {
      return []
    }
    const knex = (sharedContext.manager as any).getKnex()
    const rows = movements.map((m) => {
      const row: Record<string, unknown> = { id: generateEntityId(undefined, "imov") }
      for (const column of COLUMNS) {
        row[column] = m[column] ?? (column.endsWith("_delta") ? 0 : null)
      }
      return row
    })
    const added: string[] = []
    // Batches stay under Postgres's 65,535 bound parameters (a large publish chunk records thousands).
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      // ON CONFLICT on the partial unique index: Postgres settles concurrent retries, not a read-then-write.
      const inserted = await knex("inventory_movement")
        .insert(rows.slice(i, i + INSERT_BATCH))
        .onConflict(knex.raw("(source_key) where deleted_at is null"))
        .ignore()
        .returning("source_key")
      added.push(...inserted.map((row: { source_key: string }) => row.source_key))
    }
    return added
  }
}

export default InventoryLedgerModuleService
