import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../../modules/tenancy"

/**
 * A product created for a vendor (the tenancy guard puts `vendor_id` in
 * `additional_data`; platform admins may name one) belongs to that vendor, and
 * so do its variants' inventory items, which get a level at the vendor's
 * warehouse so they show in its inventory.
 */
createProductsWorkflow.hooks.productsCreated(
  async ({ products, additional_data }, { container }) => {
    const vendorId = additional_data?.vendor_id as string | undefined
    if (!vendorId || !products.length) {
      return new StepResponse(undefined, undefined)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const {
      data: [vendor],
    } = await query.graph({ entity: "vendor", fields: ["id", "stock_locations.id"], filters: { id: vendorId } })
    if (!vendor) {
      return new StepResponse(undefined, undefined)
    }
    const { data: variants } = await query.graph({
      entity: "variant",
      fields: ["inventory_items.inventory_item_id"],
      filters: { product_id: products.map((p) => p.id) },
    })
    const itemIds = variants.flatMap((v: any) => (v.inventory_items ?? []).map((i: any) => i.inventory_item_id))
    const links = [
      ...products.map((p) => ({ [TENANCY_MODULE]: { vendor_id: vendorId }, [Modules.PRODUCT]: { product_id: p.id } })),
      ...itemIds.map((id: string) => ({ [TENANCY_MODULE]: { vendor_id: vendorId }, [Modules.INVENTORY]: { inventory_item_id: id } })),
    ]
    await link.create(links)
    const locationId = vendor.stock_locations?.[0]?.id
    const levels = locationId
      ? await container
          .resolve(Modules.INVENTORY)
          .createInventoryLevels(itemIds.map((inventory_item_id: string) => ({ inventory_item_id, location_id: locationId })))
      : []
    return new StepResponse(undefined, { links, levelIds: levels.map((l) => l.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve(Modules.INVENTORY).deleteInventoryLevels(undo.levelIds)
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(undo.links)
  }
)
