import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"

type CartLine = { variant_id?: string | null; quantity: unknown }

/**
 * Medusa checks and reserves each line item on its own (medusajs/medusa#16502):
 * two lines whose variants share an inventory item (a bundle and its single)
 * each fit the stock, together they do not, and both get reserved. This sums a
 * cart's demand per inventory item and needs one of the shop's locations to
 * hold all of it. Lines that do not manage inventory or allow backorder are skipped.
 *
 * It also turns away, before an order is made, the carts that come after the
 * last unit has been reserved: under a burst of checkouts they would otherwise
 * all queue for the reservation lock (5 s wait) only to be refused there.
 */
export async function assertSummedDemandInStock(container: MedusaContainer, salesChannelId: string | null | undefined, lines: CartLine[]) {
  const variantIds = [...new Set(lines.map((l) => l.variant_id).filter((id): id is string => !!id))]
  if (!salesChannelId || !variantIds.length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: variants }, { data: channels }] = await Promise.all([
    query.graph({
      entity: "variant",
      fields: ["id", "manage_inventory", "allow_backorder", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
      filters: { id: variantIds },
    }),
    query.graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: salesChannelId } }),
  ])
  const demand = new Map<string, ReturnType<typeof MathBN.convert>>()
  for (const line of lines) {
    const variant = variants.find((v) => v.id === line.variant_id)
    if (!variant?.manage_inventory || variant.allow_backorder) {
      continue
    }
    for (const link of variant.inventory_items ?? []) {
      const wanted = MathBN.mult(link!.required_quantity ?? 1, line.quantity as number)
      demand.set(link!.inventory_item_id, MathBN.add(demand.get(link!.inventory_item_id) ?? 0, wanted))
    }
  }
  const locationIds = (channels[0]?.stock_locations ?? []).map((l) => l!.id)
  if (!demand.size || !locationIds.length) {
    return
  }
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: [...demand.keys()], location_id: locationIds })
  const short = [...demand].filter(
    ([itemId, wanted]) => !levels.some((l) => l.inventory_item_id === itemId && MathBN.gte(l.available_quantity, wanted))
  )
  if (short.length) {
    throw maartError("NOT_ALLOWED", ErrorCodes.INSUFFICIENT_INVENTORY, `Not enough stock for this cart's items together (${short.map(([id]) => id).join(", ")}).`, {
      inventory_item_ids: short.map(([id]) => id),
    })
  }
}
