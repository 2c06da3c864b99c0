import { Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { movementActor } from "../inventory-ledger/actor"
import { recordMovements, reverseMovements } from "../inventory-ledger/steps/record-inventory-movements"

/**
 * Cancelling an order releases its reservations: Medusa deletes them (softly) earlier in the
 * workflow, and each one's quantity at that moment — what was still reserved — goes back to
 * available. Recorded in the workflow's hook rather than on `order.canceled`: the hook runs within
 * the admin's request, so its user is the actor whichever event bus runs the subscribers
 * (Medusa keeps no `canceled_by` on the order).
 */
cancelOrderWorkflow.hooks.orderCanceled(
  async ({ order }, { container }) => {
    const lineItemIds = (order.items ?? []).flatMap((i: any) => (i?.id ? [i.id as string] : []))
    if (!lineItemIds.length) {
      return new StepResponse(undefined, [])
    }
    const reservations = await container
      .resolve(Modules.INVENTORY)
      .listReservationItems({ line_item_id: lineItemIds }, { select: ["id", "inventory_item_id", "location_id", "quantity", "deleted_at"], withDeleted: true })
    // A fulfilment deleted the reservations it shipped; an order is cancelled only once its fulfilments
    // are, so what was deleted before the last fulfilment's cancellation was shipped, not released.
    const shippedUntil = Math.max(0, ...(order.fulfillments ?? []).map((f: any) => (f?.canceled_at ? new Date(f.canceled_at).getTime() : 0)))
    const actor = movementActor()
    const recorded = await recordMovements(
      container,
      reservations
        .filter((r) => !!r.deleted_at && new Date(r.deleted_at).getTime() >= shippedUntil)
        .map((r) => ({
          inventory_item_id: r.inventory_item_id,
          location_id: r.location_id,
          reason: "reservation_released" as const,
          reserved_delta: -Number(r.quantity),
          ...actor,
          reference: order.id,
          note: "order canceled",
          source_key: `reservation_released:${r.id}`,
        }))
    )
    return new StepResponse(undefined, recorded)
  },
  async (recorded, { container }) => reverseMovements(container, recorded)
)
