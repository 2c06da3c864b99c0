import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertSummedDemandInStock } from "../checkout/summed-demand-in-stock"

/** A cart completes only if the stock covers its lines together (a bundle and its single share one item). */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (cart.completed_at) {
    return new StepResponse(undefined) // a retry: its stock is already reserved, Medusa returns the order
  }
  await assertSummedDemandInStock(container, cart.sales_channel_id, cart.items ?? [])
  return new StepResponse(undefined)
})
