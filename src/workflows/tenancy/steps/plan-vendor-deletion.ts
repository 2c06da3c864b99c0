import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type VendorDeletionPlan = {
  vendor_id: string
  sales_channel_ids: string[]
  api_key_ids: string[]
  stock_location_ids: string[]
  product_ids: string[]
  order_count: number
}

export const planVendorDeletionStepId = "plan-vendor-deletion"

/**
 * What deleting a vendor removes — its products, warehouses, webshop and key —
 * and the rule: a vendor with orders is kept unless `force` (orders themselves
 * are never deleted: they are the customers' and the books' history).
 */
export const planVendorDeletionStep = createStep(
  planVendorDeletionStepId,
  async (input: { id: string; force?: boolean }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [vendor],
    } = await query.graph({
      entity: "vendor",
      fields: ["id", "sales_channel.id", "api_key.id", "stock_locations.id", "products.id"],
      filters: { id: input.id },
    })
    if (!vendor) {
      throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `Vendor ${input.id} was not found.`)
    }
    const salesChannelIds = vendor.sales_channel ? [vendor.sales_channel.id] : []
    const { metadata } = salesChannelIds.length
      ? await query.graph({ entity: "order", fields: ["id"], filters: { sales_channel_id: salesChannelIds }, pagination: { take: 1, skip: 0 } })
      : { metadata: { count: 0 } }
    const orderCount = metadata?.count ?? 0
    if (orderCount > 0 && !input.force) {
      throw maartError(
        "CONFLICT",
        ErrorCodes.VENDOR_HAS_ORDERS,
        `The vendor has ${orderCount} order(s): suspend it instead, or delete with force=true (orders are kept).`,
        { orders: orderCount }
      )
    }
    const ids = (list?: ({ id: string } | null)[] | null) => (list ?? []).filter(Boolean).map((r) => r!.id)
    const plan: VendorDeletionPlan = {
      vendor_id: vendor.id,
      sales_channel_ids: salesChannelIds,
      api_key_ids: vendor.api_key ? [vendor.api_key.id] : [],
      stock_location_ids: ids(vendor.stock_locations),
      product_ids: ids(vendor.products),
      order_count: orderCount,
    }
    return new StepResponse(plan)
  }
)
