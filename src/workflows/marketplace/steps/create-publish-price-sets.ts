import type { CreatePriceSetDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const createPublishPriceSetsStepId = "create-publish-price-sets"

/**
 * One price set per new variant, in one pricing-module call (as
 * createProductVariantsWorkflow's createPriceSetsStep). Returns the price set
 * id per variant, for the variant ↔ price set links. Compensation deletes them.
 */
export const createPublishPriceSetsStep = createStep(
  createPublishPriceSetsStepId,
  async (input: { variant_id: string; prices: CreatePriceSetDTO["prices"] }[], { container }) => {
    if (!input.length) {
      return new StepResponse([] as { variant_id: string; price_set_id: string }[], [] as string[])
    }
    const sets = await container.resolve(Modules.PRICING).createPriceSets(input.map((v) => ({ prices: v.prices })))
    const result = sets.map((s, i) => ({ variant_id: input[i].variant_id, price_set_id: s.id }))
    return new StepResponse(result, sets.map((s) => s.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve(Modules.PRICING).deletePriceSets(ids)
  }
)
