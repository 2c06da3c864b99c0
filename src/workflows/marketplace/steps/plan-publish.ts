import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { planProducts, type PlannedProduct, type PublishItem } from "../publish/plan-products"

export type PublishPlan = {
  vendor: { id: string; handle: string; sales_channel_id: string; location_id: string | null }
  creates: PlannedProduct[]
  updates: (PlannedProduct & { variant_ids: Record<string, string> })[]
  /** Items of an already published group that the product does not have yet: reported, not published. */
  skipped: { staged_id: string; reason: string }[]
  hashes: Record<string, string>
}

export const planPublishStepId = "plan-publish"

/**
 * Reads the staged items (the vendor's own, not gone), their overrides and the
 * vendor's shop, and plans the products: new ones to create, published ones to
 * update (matched by product, variants by SKU).
 */
export const planPublishStep = createStep(planPublishStepId, async (input: { vendor_id: string; staged_ids: string[] }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const {
    data: [vendor],
  } = await query.graph({ entity: "vendor", fields: ["id", "handle", "default_language", "sales_channel.id", "stock_locations.id"], filters: { id: input.vendor_id } })
  if (!vendor?.sales_channel) {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `No shop for vendor ${input.vendor_id}.`)
  }
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currency = store?.supported_currencies?.find((c: any) => c?.is_default)?.currency_code ?? "eur"

  const staged = await marketplace.listStagedProducts({ id: input.staged_ids, vendor_id: input.vendor_id, gone_at: null })
  const overrides = await marketplace.listPublishOverrides({ staged_product_id: staged.map((s) => s.id) })
  const overrideOf = new Map(overrides.map((o) => [o.staged_product_id, o]))
  const items = staged.map((s) => ({ ...s, override: overrideOf.get(s.id) ?? null }) as unknown as PublishItem)
  const planned = planProducts(items, { vendor_handle: vendor.handle, default_language: vendor.default_language ?? "fr", currency_code: currency })

  const existingIds = planned.flatMap((p) => (p.product_id ? [p.product_id] : []))
  const { data: existing } = existingIds.length
    ? await query.graph({ entity: "product", fields: ["id", "variants.id", "variants.sku"], filters: { id: existingIds } })
    : { data: [] }
  const variantsOf = new Map(existing.map((p: any) => [p.id, Object.fromEntries((p.variants ?? []).map((v: any) => [v.sku, v.id]))]))

  const plan: PublishPlan = {
    vendor: { id: vendor.id, handle: vendor.handle, sales_channel_id: vendor.sales_channel.id, location_id: vendor.stock_locations?.[0]?.id ?? null },
    creates: [],
    updates: [],
    skipped: [],
    hashes: Object.fromEntries(staged.map((s) => [s.id, s.content_hash])),
  }
  for (const product of planned) {
    const variantIds = product.product_id ? variantsOf.get(product.product_id) : undefined
    if (!product.product_id || !variantIds) {
      plan.creates.push({ ...product, product_id: null })
      continue
    }
    const known = product.variants.filter((v) => variantIds[v.sku])
    for (const v of product.variants.filter((v) => !variantIds[v.sku])) {
      plan.skipped.push({ staged_id: v.staged_id, reason: "The product is published without this variant: unpublish and publish the group again." })
    }
    plan.updates.push({ ...product, variants: known, variant_ids: variantIds })
  }
  return new StepResponse({ ...plan, currency_code: currency })
})
