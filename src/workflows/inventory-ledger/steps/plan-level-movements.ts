import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MovementActor, MovementReason } from "../../../modules/inventory-ledger/service"
import type { MovementDraft } from "./record-inventory-movements"

type LevelSet = { inventory_item_id: string; location_id: string; stocked_quantity: number }

export const planLevelMovementsStepId = "plan-level-movements"

/**
 * Before levels are set to absolute quantities: reads each level's stocked
 * quantity now and returns the movements the write will be (delta = the new
 * quantity minus the current one, stocked_after = the new quantity; a missing
 * level counts as 0). Unchanged levels yield none. Record them with
 * recordInventoryMovementsStep once the write has happened. Reads only.
 */
export const planLevelMovementsStep = createStep(
  planLevelMovementsStepId,
  async (input: { levels: LevelSet[]; reason: MovementReason; actor: MovementActor; reference?: string | null; note?: string | null }, { container, context }) => {
    if (!input.levels.length) {
      return new StepResponse([] as MovementDraft[])
    }
    const current = await container.resolve(Modules.INVENTORY).listInventoryLevels(
      { $or: input.levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: l.location_id })) } as any,
      { select: ["inventory_item_id", "location_id", "stocked_quantity"] }
    )
    const before = new Map(current.map((l) => [`${l.inventory_item_id}:${l.location_id}`, Number(l.stocked_quantity)]))
    const movements = input.levels.flatMap((l): MovementDraft[] => {
      const delta = l.stocked_quantity - (before.get(`${l.inventory_item_id}:${l.location_id}`) ?? 0)
      return delta === 0
        ? []
        : [
            {
              inventory_item_id: l.inventory_item_id,
              location_id: l.location_id,
              reason: input.reason,
              stocked_delta: delta,
              stocked_after: l.stocked_quantity,
              ...input.actor,
              reference: input.reference ?? null,
              note: input.note ?? null,
              // This run's write of this level: a retried step plans the same key.
              source_key: `${input.reason}:${context.transactionId}:${l.inventory_item_id}:${l.location_id}`,
            },
          ]
    })
    return new StepResponse(movements)
  }
)
