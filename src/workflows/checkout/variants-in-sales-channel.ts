import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"

/**
 * Every variant must be sold in the cart's sales channel — the shop's. Medusa
 * refuses another channel's variant only when it manages inventory (it finds no
 * stock location), and then with a message about locations; this says what is
 * wrong, for every variant. Unknown ids are left to Medusa's own "not found".
 */
export async function assertVariantsInSalesChannel(
  container: MedusaContainer,
  salesChannelId: string | null | undefined,
  variantIds: (string | null | undefined)[]
) {
  const ids = [...new Set(variantIds.filter((id): id is string => !!id))]
  if (!salesChannelId || !ids.length) {
    return
  }
  const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "variant",
    fields: ["id", "product.sales_channels.id"],
    filters: { id: ids },
  })
  const foreign = variants
    .filter((v) => !(v.product?.sales_channels ?? []).some((sc) => sc?.id === salesChannelId))
    .map((v) => v.id)
  if (foreign.length) {
    throw maartError("INVALID_DATA", ErrorCodes.PRODUCT_NOT_IN_SHOP, `Not sold in this shop: ${foreign.join(", ")}.`, {
      variant_ids: foreign,
    })
  }
}
