import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsInSalesChannel } from "../checkout/variants-in-sales-channel"

/** A cart sells only its shop's products (its sales channel is the shop's). */
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  await assertVariantsInSalesChannel(container, cart.sales_channel_id, (input.items ?? []).map((i) => i.variant_id))
  return new StepResponse(undefined)
})

// Programmatic callers too; over HTTP `POST /store/carts` checks earlier (Medusa's
// inventory check, which runs before this hook, would answer first otherwise).
createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertVariantsInSalesChannel(container, input.sales_channel_id, (input.items ?? []).map((i) => i.variant_id))
  return new StepResponse(undefined)
})
