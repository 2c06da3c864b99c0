import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordInventoryMovementsStep, type MovementDraft } from "../steps/record-inventory-movements"

export const recordInventoryMovementsWorkflowId = "record-inventory-movements"

/**
 * Records stock changes in the inventory ledger (docs/selling.md, "Inventory
 * movements"): the movement subscribers and the adjustment recorder run it with
 * what they read off Medusa's records. Recording the same change twice adds it once.
 *
 * @example
 * await recordInventoryMovementsWorkflow(container).run({
 *   input: { movements: [{ inventory_item_id, location_id, reason: "reservation", reserved_delta: 1,
 *     actor_type: "customer", actor_id: "cus_…", reference: "order_…", source_key: "reservation:resitem_…" }] },
 * })
 */
export const recordInventoryMovementsWorkflow = createWorkflow(recordInventoryMovementsWorkflowId, (input: { movements: MovementDraft[] }) => {
  const recorded = recordInventoryMovementsStep(input.movements)
  return new WorkflowResponse(recorded)
})
