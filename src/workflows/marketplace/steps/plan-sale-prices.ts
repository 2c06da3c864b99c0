import type { BatchPriceListPricesWorkflowDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const planSalePricesStepId = "plan-sale-prices"

/**
 * What the vendor's sale price list must change for the published variants:
 * a price for each variant on sale (created or updated), none for the others
 * (a sale that left the feed is removed). Reads only.
 */
export const planSalePricesStep = createStep(
  planSalePricesStepId,
  async (input: { price_list_id: string | null; currency_code: string; sales: { variant_id: string; amount: number | null }[] }, { container }) => {
    const batch: BatchPriceListPricesWorkflowDTO = { id: input.price_list_id ?? "", create: [], update: [], delete: [] }
    if (!input.price_list_id || !input.sales.length) {
      return new StepResponse(batch)
    }
    const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "variant",
      fields: ["id", "price_set.id"],
      filters: { id: input.sales.map((s) => s.variant_id) },
    })
    const variantOf = new Map(variants.map((v: any) => [v.price_set?.id, v.id]))
    const existing = await container
      .resolve(Modules.PRICING)
      .listPrices({ price_list_id: [input.price_list_id], price_set_id: [...variantOf.keys()].filter(Boolean) }, { select: ["id", "amount", "currency_code", "price_set_id"] })
    const priceOf = new Map<string, { id: string; amount: number }[]>()
    for (const price of existing as any[]) {
      const variantId = variantOf.get(price.price_set_id)
      priceOf.set(variantId, [...(priceOf.get(variantId) ?? []), { id: price.id, amount: Number(price.amount) }])
    }
    for (const sale of input.sales) {
      const [current, ...extra] = priceOf.get(sale.variant_id) ?? []
      batch.delete.push(...extra.map((p) => p.id))
      if (sale.amount === null) {
        current && batch.delete.push(current.id)
      } else if (!current) {
        batch.create.push({ variant_id: sale.variant_id, currency_code: input.currency_code, amount: sale.amount })
      } else if (current.amount !== sale.amount) {
        batch.update.push({ id: current.id, variant_id: sale.variant_id, currency_code: input.currency_code, amount: sale.amount })
      }
    }
    return new StepResponse(batch)
  }
)
