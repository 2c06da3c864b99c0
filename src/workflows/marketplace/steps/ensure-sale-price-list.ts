import { ContainerRegistrationKeys, Modules, PriceListStatus, PriceListType } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"

export const ensureSalePriceListStepId = "ensure-sale-price-list"

/**
 * The vendor's sale price list (type `sale`, no rules: it applies wherever its
 * prices' currency does), created and linked to the vendor on first need —
 * under a lock per vendor, so two publishes do not make two. Compensation
 * removes a list it created.
 */
export const ensureSalePriceListStep = createStep(
  ensureSalePriceListStepId,
  async (input: { vendor_id: string; vendor_handle: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const created = await container.resolve(Modules.LOCKING).execute(
      `marketplace:sale-price-list:${input.vendor_id}`,
      async () => {
        const {
          data: [vendor],
        } = await query.graph({ entity: "vendor", fields: ["price_list.id"], filters: { id: input.vendor_id } })
        if ((vendor as any)?.price_list?.id) {
          return { id: (vendor as any).price_list.id as string, created: false }
        }
        const [list] = await container.resolve(Modules.PRICING).createPriceLists([
          {
            title: `Sale prices — ${input.vendor_handle}`,
            description: "Sale prices from the vendor's Letzshop feed and overrides.",
            type: PriceListType.SALE,
            status: PriceListStatus.ACTIVE,
          },
        ])
        await container.resolve(ContainerRegistrationKeys.LINK).create({
          [TENANCY_MODULE]: { vendor_id: input.vendor_id },
          [Modules.PRICING]: { price_list_id: list.id },
        })
        return { id: list.id, created: true }
      },
      { timeout: 30 }
    )
    return new StepResponse(created.id, created.created ? { vendor_id: input.vendor_id, price_list_id: created.id } : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
      [TENANCY_MODULE]: { vendor_id: undo.vendor_id },
      [Modules.PRICING]: { price_list_id: undo.price_list_id },
    })
    await container.resolve(Modules.PRICING).deletePriceLists([undo.price_list_id])
  }
)
