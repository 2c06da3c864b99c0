import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { planProducts, type PlannedProduct, type PlannedVariant, type PublishItem } from "../publish/plan-products"

export type PlannedUpdate = PlannedProduct & {
  product_id: string
  /** Existing variant id by SKU. */
  variant_ids: Record<string, string>
  /** Items of the group the product does not have yet: created on it. */
  new_variants: PlannedVariant[]
  /** Option values those new variants bring, added to the product's options. */
  option_values: { product_option_id: string; values: string[] }[]
  /** The product's categories now, and the one publishing filed it under last time. */
  category_ids: string[]
  feed_category_id: string | null
}

export type PublishPlan = {
  vendor: { id: string; handle: string; sales_channel_id: string; location_id: string | null; sale_price_list_id: string | null }
  currency_code: string
  creates: PlannedProduct[]
  updates: PlannedUpdate[]
  /** Items that cannot be published as planned, with the reason. */
  skipped: { staged_id: string; reason: string }[]
  hashes: Record<string, string>
}

export const planPublishStepId = "plan-publish"

const sameTitles = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000")

/**
 * Reads the staged items (the vendor's own, not gone), their overrides and the
 * vendor's shop, and plans the products: new ones to create, published ones to
 * update (matched by product, variants by SKU) — growing them by the group's
 * new items when their options keep their titles.
 */
export const planPublishStep = createStep(planPublishStepId, async (input: { vendor_id: string; staged_ids: string[] }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const {
    data: [vendor],
  } = await query.graph({
    entity: "vendor",
    fields: ["id", "handle", "default_language", "sales_channel.id", "stock_locations.id", "price_list.id"],
    filters: { id: input.vendor_id },
  })
  if (!vendor?.sales_channel) {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `No shop for vendor ${input.vendor_id}.`)
  }
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currency = store?.supported_currencies?.find((c: any) => c?.is_default)?.currency_code ?? "eur"

  // What planning reads (PublishItem), not the raw feed row.
  const select = ["id", "external_id", "group_id", "texts", "data", "content_hash", "published_product_id"]
  const staged = await marketplace.listStagedProducts({ id: input.staged_ids, vendor_id: input.vendor_id, gone_at: null }, { select })
  // The options of a published group depend on all its items: its published
  // siblings outside this chunk shape them too (without being published again).
  const publishedGroups = [...new Set(staged.filter((s) => s.group_id).map((s) => s.group_id!))]
  const inChunk = new Set(staged.map((s) => s.id))
  const siblings = publishedGroups.length
    ? (await marketplace.listStagedProducts({ vendor_id: input.vendor_id, group_id: publishedGroups, gone_at: null, published_product_id: { $ne: null } }, { select })).filter(
        (s) => !inChunk.has(s.id)
      )
    : []
  const overrides = await marketplace.listPublishOverrides({ staged_product_id: [...staged, ...siblings].map((s) => s.id) })
  const overrideOf = new Map(overrides.map((o) => [o.staged_product_id, o]))
  const items = [
    ...staged.map((s) => ({ ...s, override: overrideOf.get(s.id) ?? null })),
    ...siblings.map((s) => ({ ...s, override: overrideOf.get(s.id) ?? null, context_only: true })),
  ] as unknown as PublishItem[]
  const planned = planProducts(items, { vendor_handle: vendor.handle, default_language: vendor.default_language ?? "fr", currency_code: currency }).filter(
    (p) => p.variants.length > 0
  )

  const existingIds = planned.flatMap((p) => (p.product_id ? [p.product_id] : []))
  const { data: existing } = existingIds.length
    ? await query.graph({
        entity: "product",
        fields: ["id", "metadata", "variants.id", "variants.sku", "options.id", "options.title", "options.values.value", "categories.id"],
        filters: { id: existingIds },
      })
    : { data: [] }
  const existingOf = new Map(existing.map((p: any) => [p.id, p]))

  const plan: PublishPlan = {
    vendor: {
      id: vendor.id,
      handle: vendor.handle,
      sales_channel_id: vendor.sales_channel.id,
      location_id: vendor.stock_locations?.[0]?.id ?? null,
      sale_price_list_id: (vendor as any).price_list?.id ?? null,
    },
    currency_code: currency,
    creates: [],
    updates: [],
    skipped: [],
    hashes: Object.fromEntries(staged.map((s) => [s.id, s.content_hash])),
  }
  for (const product of planned) {
    const found: any = product.product_id ? existingOf.get(product.product_id) : undefined
    if (!found) {
      plan.creates.push({ ...product, product_id: null })
      continue
    }
    const variantIds: Record<string, string> = Object.fromEntries((found.variants ?? []).map((v: any) => [v.sku, v.id]))
    const fresh = product.variants.filter((v) => !variantIds[v.sku])
    const options: any[] = found.options ?? []
    let option_values: PlannedUpdate["option_values"] = []
    let new_variants = fresh
    if (fresh.length && !sameTitles(options.map((o) => o.title), product.options.map((o) => o.title))) {
      // Medusa keeps a variant's option values; re-shaping every variant of a live product is left to the vendor.
      const reason =
        `The group now has options [${product.options.map((o) => o.title).join(", ")}] but the published product has ` +
        `[${options.map((o) => o.title).join(", ")}]: delete the product and publish the group again.`
      fresh.forEach((v) => plan.skipped.push({ staged_id: v.staged_id, reason }))
      new_variants = []
    } else if (fresh.length) {
      option_values = options.flatMap((o) => {
        const known = new Set((o.values ?? []).map((v: any) => v.value))
        const values = [...new Set(fresh.map((v) => v.options[o.title]).filter((v) => v != null && !known.has(v)))]
        return values.length ? [{ product_option_id: o.id, values }] : []
      })
    }
    plan.updates.push({
      ...product,
      product_id: found.id,
      variants: product.variants.filter((v) => variantIds[v.sku]),
      variant_ids: variantIds,
      new_variants,
      option_values,
      category_ids: (found.categories ?? []).map((c: any) => c.id),
      feed_category_id: (found.metadata?.letzshop_category_id as string | undefined) ?? null,
    })
  }
  return new StepResponse(plan)
})
