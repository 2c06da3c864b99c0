import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TENANCY_MODULE } from "../../../modules/tenancy"

export const linkNewVariantInventoryStepId = "link-new-variant-inventory"

/**
 * Variants added to a published product: their inventory items belong to the
 * vendor and get a level at its warehouse, as the products-created hook does
 * for new products. Compensation removes both.
 */
export const linkNewVariantInventoryStep = createStep(
  linkNewVariantInventoryStepId,
  async (input: { vendor_id: string; location_id: string | null; variant_ids: string[] }, { container }) => {
    if (!input.variant_ids.length) {
      return new StepResponse(undefined, null)
    }
    const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "variant",
      fields: ["inventory_items.inventory_item_id"],
      filters: { id: input.variant_ids },
    })
    const itemIds: string[] = variants.flatMap((v: any) => (v.inventory_items ?? []).map((i: any) => i.inventory_item_id))
    const links = itemIds.map((id) => ({ [TENANCY_MODULE]: { vendor_id: input.vendor_id }, [Modules.INVENTORY]: { inventory_item_id: id } }))
    if (links.length) {
      await container.resolve(ContainerRegistrationKeys.LINK).create(links)
    }
    const levels =
      input.location_id && itemIds.length
        ? await container.resolve(Modules.INVENTORY).createInventoryLevels(itemIds.map((inventory_item_id) => ({ inventory_item_id, location_id: input.location_id! })))
        : []
    return new StepResponse(undefined, { links, level_ids: levels.map((l) => l.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    if (undo.level_ids.length) {
      await container.resolve(Modules.INVENTORY).deleteInventoryLevels(undo.level_ids)
    }
    if (undo.links.length) {
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss(undo.links)
    }
  }
)
