import type { LinkDefinition } from "@medusajs/framework/types"
import { InventoryItemWorkflowEvents, Modules, ProductVariantWorkflowEvents, ProductWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  batchPriceListPricesWorkflow,
  batchTranslationsWorkflow,
  createProductVariantsWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  updateInventoryLevelsWorkflow,
  updateProductOptionValuesOnProductStep,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import { planLevelMovementsStep } from "../../inventory-ledger/steps/plan-level-movements"
import { recordInventoryMovementsStep } from "../../inventory-ledger/steps/record-inventory-movements"
import { ensureShippingProfileStep } from "../../tenancy/steps/ensure-shipping-profile"
import { createPublishInventoryStep } from "../steps/create-publish-inventory"
import { createPublishPriceSetsStep } from "../steps/create-publish-price-sets"
import { createPublishProductsStep } from "../steps/create-publish-products"
import { pathKey, ensurePublishCategoriesStep } from "../steps/ensure-publish-categories"
import { ensureSalePriceListStep } from "../steps/ensure-sale-price-list"
import { linkNewVariantInventoryStep } from "../steps/link-new-variant-inventory"
import { markStagedPublishedStep } from "../steps/mark-staged-published"
import { planPublishStep } from "../steps/plan-publish"
import { variantInput, type PlannedProduct, type PlannedVariant } from "../publish/plan-products"
import { planPublishTranslationsStep, type PlannedTranslation } from "../steps/plan-publish-translations"
import { planSalePricesStep } from "../steps/plan-sale-prices"

// A product's planned variants, with those a published product gains.
const withNew = (p: PlannedProduct & { new_variants?: PlannedVariant[] }) => [...p.variants, ...(p.new_variants ?? [])]

export const publishStagedProductsWorkflowId = "publish-staged-products"

/**
 * Publishes staged feed items into the vendor's catalog (one chunk: the
 * publish job calls it per chunk). New groups become products — variants,
 * regular prices in the store currency, images, stock at the vendor's
 * warehouse, filed under the platform category of their `product_type`,
 * linked to the vendor and its webshop; published ones are updated with the
 * feed's current data under the vendor's overrides, and grow by the group's
 * new items. Sale prices go to the vendor's sale price list, texts in other
 * languages to Medusa's translations. Publishing twice updates, never
 * duplicates. Emits `marketplace.staged_products.published`.
 */
export const publishStagedProductsWorkflow = createWorkflow(publishStagedProductsWorkflowId, (input: { vendor_id: string; staged_ids: string[]; job_id?: string }) => {
  const plan = planPublishStep(input)

  const paths = transform({ plan }, ({ plan }) => {
    const all = [...plan.creates, ...plan.updates].flatMap((p) => (p.category_path ? [p.category_path] : []))
    return [...new Map(all.map((p) => [pathKey(p), p])).values()]
  })
  const categoryOf = ensurePublishCategoriesStep(paths)

  // New groups: the product, pricing and inventory modules called once each and
  // every link made in one call — createProductsWorkflow's work (and its vendor
  // hook's) without its per-step overhead, which was most of a chunk's time.
  const created = when({ plan }, ({ plan }) => plan.creates.length > 0).then(() => {
    const products = createPublishProductsStep(
      transform({ plan, categoryOf }, ({ plan, categoryOf }) =>
        plan.creates.map((p) => {
          const categoryId = p.category_path ? categoryOf[pathKey(p.category_path)] : null
          return {
            title: p.title,
            handle: p.handle,
            description: p.description,
            status: p.status,
            images: p.images,
            options: p.options,
            metadata: { ...p.metadata, letzshop_category_id: categoryId },
            category_ids: categoryId ? [categoryId] : [],
            variants: p.variants.map(variantInput),
          }
        })
      )
    )
    const newVariantsOf = transform({ plan, products }, ({ plan, products }) => {
      const idOf = new Map(products.flatMap((p) => p.variants.map((v) => [v.sku, v.id] as const)))
      return plan.creates.flatMap((p) => p.variants.map((v) => ({ ...v, id: idOf.get(v.sku)! })))
    })
    const priceSets = createPublishPriceSetsStep(
      transform({ plan, newVariantsOf }, ({ plan, newVariantsOf }) =>
        newVariantsOf.map((v) => ({ variant_id: v.id, prices: [{ currency_code: plan.currency_code, amount: v.amount }] }))
      )
    )
    // Medusa's default inventory item for a variant that manages inventory, stocked with the feed's quantity.
    const stock = createPublishInventoryStep(
      transform({ plan, newVariantsOf }, ({ plan, newVariantsOf }) => ({
        location_id: plan.vendor.location_id,
        stock: newVariantsOf
          .filter((v) => v.manage_inventory)
          .map((v) => ({
            variant_id: v.id,
            item: { sku: v.sku, title: v.title, description: v.title, weight: v.weight ?? undefined, requires_shipping: true },
            stocked_quantity: v.quantity,
          })),
      }))
    )
    // The feed's stock enters the inventory ledger: a new level's quantity is its whole movement.
    recordInventoryMovementsStep(
      transform({ plan, newVariantsOf, stock, input }, ({ plan, newVariantsOf, stock, input }) => {
        const quantityOf = new Map(newVariantsOf.map((v) => [v.id, v.quantity ?? 0]))
        return plan.vendor.location_id
          ? stock.map((s) => ({
              inventory_item_id: s.inventory_item_id,
              location_id: plan.vendor.location_id!,
              reason: "import" as const,
              stocked_delta: quantityOf.get(s.variant_id) ?? 0,
              stocked_after: quantityOf.get(s.variant_id) ?? 0,
              actor_type: "system" as const,
              actor_id: null,
              reference: input.job_id ?? null,
              note: "Letzshop publish: new product",
              source_key: `import:${s.inventory_item_id}:created`,
            }))
          : []
      })
    ).config({ name: "record-new-stock-movements" })
    // Without a shipping profile a product cannot be checked out: the one vendors' shipping options use.
    const shippingProfile = ensureShippingProfileStep()
    // The same links createProductsWorkflow and the products-created hook make.
    createRemoteLinkStep(
      transform({ plan, products, priceSets, stock, shippingProfile }, ({ plan, products, priceSets, stock, shippingProfile }): LinkDefinition[] => {
        const vendor = { [TENANCY_MODULE]: { vendor_id: plan.vendor.id } }
        return [
          ...products.flatMap((p): LinkDefinition[] => [
            { [Modules.PRODUCT]: { product_id: p.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: plan.vendor.sales_channel_id } },
            { [Modules.PRODUCT]: { product_id: p.id }, [Modules.FULFILLMENT]: { shipping_profile_id: shippingProfile.id } },
            { ...vendor, [Modules.PRODUCT]: { product_id: p.id } },
          ]),
          ...priceSets.map((s) => ({ [Modules.PRODUCT]: { variant_id: s.variant_id }, [Modules.PRICING]: { price_set_id: s.price_set_id } })),
          ...stock.flatMap((s): LinkDefinition[] => [
            { [Modules.PRODUCT]: { variant_id: s.variant_id }, [Modules.INVENTORY]: { inventory_item_id: s.inventory_item_id }, data: { required_quantity: 1 } },
            { ...vendor, [Modules.INVENTORY]: { inventory_item_id: s.inventory_item_id } },
          ]),
        ]
      })
    )
    // The events createProductsWorkflow emits (search indexing listens to product.created).
    emitEventStep({
      eventName: InventoryItemWorkflowEvents.CREATED,
      data: transform({ stock }, ({ stock }) => stock.map((s) => ({ id: s.inventory_item_id }))),
    }).config({ name: "emit-inventory-items-created" })
    emitEventStep({
      eventName: ProductVariantWorkflowEvents.CREATED,
      data: transform({ newVariantsOf }, ({ newVariantsOf }) => newVariantsOf.map((v) => ({ id: v.id }))),
    }).config({ name: "emit-variants-created" })
    emitEventStep({
      eventName: ProductWorkflowEvents.CREATED,
      data: transform({ products }, ({ products }) => products.map((p) => ({ id: p.id }))),
    }).config({ name: "emit-products-created" })
    return products
  })

  when({ plan }, ({ plan }) => plan.updates.length > 0).then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ plan, categoryOf }, ({ plan, categoryOf }) => ({
        products: plan.updates.map((p) => {
          const categoryId = p.category_path ? categoryOf[pathKey(p.category_path)] : null
          // The feed's category replaces the one publishing set last; categories set by hand stay.
          const kept = p.category_ids.filter((id) => id !== p.feed_category_id)
          return {
            id: p.product_id,
            title: p.title,
            description: p.description,
            status: p.status,
            metadata: { ...p.metadata, letzshop_category_id: categoryId },
            category_ids: categoryId ? [...new Set([...kept, categoryId])] : kept,
          }
        }),
      })),
    })
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        product_variants: plan.updates.flatMap((p) =>
          p.variants.map((v) => ({ id: p.variant_ids[v.sku], title: v.title, metadata: v.metadata, prices: [{ currency_code: plan.currency_code, amount: v.amount }] }))
        ),
      })),
    })
  })

  // A published group's new items: their option values on the product, then the variants.
  const newVariants = transform({ plan }, ({ plan }) =>
    plan.updates.flatMap((p) =>
      p.new_variants.map((v) => ({
        ...variantInput(v),
        product_id: p.product_id,
        prices: [{ currency_code: plan.currency_code, amount: v.amount }],
      }))
    )
  )
  const addedVariants = when({ newVariants }, ({ newVariants }) => newVariants.length > 0).then(() => {
    updateProductOptionValuesOnProductStep(
      transform({ plan }, ({ plan }) =>
        plan.updates.flatMap((p) => p.option_values.map((o) => ({ product_id: p.product_id, product_option_id: o.product_option_id, add: o.values.map((value) => ({ value })) })))
      )
    )
    const variants = createProductVariantsWorkflow.runAsStep({ input: { product_variants: newVariants } })
    linkNewVariantInventoryStep(
      transform({ plan, variants }, ({ plan, variants }) => ({ vendor_id: plan.vendor.id, location_id: plan.vendor.location_id, variant_ids: variants.map((v) => v.id) }))
    )
    return variants
  })

  // Which product and variant each staged item is now: new ones as just created, published ones looked up.
  const skus = transform({ plan }, ({ plan }) => plan.updates.flatMap((p) => withNew(p).map((v) => v.sku)))
  const published = when({ skus }, ({ skus }) => skus.length > 0).then(() =>
    useQueryGraphStep({
      entity: "variant",
      fields: ["id", "sku", "product_id", "inventory_items.inventory_item_id"],
      filters: transform({ skus }, ({ skus }) => ({ sku: skus })),
    }).config({ name: "published-variants" })
  )
  const variants = transform({ created, published, addedVariants }, ({ created, published }) => [
    ...(created ?? []).flatMap((p) => p.variants.map((v) => ({ id: v.id, sku: v.sku, product_id: p.id }))),
    ...((published?.data ?? []) as { id: string; sku: string; product_id: string; inventory_items?: { inventory_item_id: string }[] }[]),
  ])
  const plannedVariants = transform({ plan, addedVariants }, ({ plan }) =>
    [...plan.creates, ...plan.updates].flatMap((p) => withNew(p).map((v) => ({ ...v, handle: p.handle })))
  )

  // Stock from the feed's quantity, at the vendor's warehouse.
  const levels = transform({ plan, variants }, ({ plan, variants }) => {
    // New products' levels were created with their quantity; this updates published ones (and their new items).
    const quantityOf = new Map(plan.updates.flatMap((p) => withNew(p)).map((v) => [v.sku, v.quantity] as const))
    return plan.vendor.location_id
      ? variants.flatMap((v: any) =>
          quantityOf.get(v.sku) == null
            ? []
            : (v.inventory_items ?? []).map((i: any) => ({ inventory_item_id: i.inventory_item_id, location_id: plan.vendor.location_id!, stocked_quantity: quantityOf.get(v.sku)! }))
        )
      : []
  })
  when({ levels }, ({ levels }) => levels.length > 0).then(() => {
    // Read before the write, recorded after it: the ledger gets each level's change to the feed's quantity.
    const restock = planLevelMovementsStep(
      transform({ levels, input }, ({ levels, input }) => ({
        levels,
        reason: "import" as const,
        actor: { actor_type: "system" as const, actor_id: null },
        reference: input.job_id ?? null,
        note: "Letzshop publish: feed quantity",
      }))
    )
    updateInventoryLevelsWorkflow.runAsStep({ input: { updates: levels } })
    recordInventoryMovementsStep(restock).config({ name: "record-restock-movements" })
  })

  // Sale prices: the vendor's sale price list, made on first need; the regular price stays the variant's.
  const sales = transform({ plannedVariants, variants }, ({ plannedVariants, variants }) => {
    const idOf = new Map(variants.map((v: any) => [v.sku, v.id as string]))
    return plannedVariants.flatMap((v) => (idOf.get(v.sku) ? [{ variant_id: idOf.get(v.sku)!, amount: v.sale_amount }] : []))
  })
  const newList = when({ plan, sales }, ({ plan, sales }) => !plan.vendor.sale_price_list_id && sales.some((s) => s.amount !== null)).then(() =>
    ensureSalePriceListStep(transform({ plan }, ({ plan }) => ({ vendor_id: plan.vendor.id, vendor_handle: plan.vendor.handle })))
  )
  const salePrices = planSalePricesStep(
    transform({ plan, sales, newList }, ({ plan, sales, newList }) => ({
      price_list_id: plan.vendor.sale_price_list_id ?? newList ?? null,
      currency_code: plan.currency_code,
      sales,
    }))
  )
  when({ salePrices }, ({ salePrices }) => salePrices.create.length + salePrices.update.length + salePrices.delete.length > 0).then(() => {
    batchPriceListPricesWorkflow.runAsStep({ input: { data: salePrices } })
  })

  // Texts in the vendor's other languages: Medusa's translations of the product (and of a lone item's variant).
  const translations = transform({ plan, plannedVariants, variants }, ({ plan, plannedVariants, variants }) => {
    const productOf = new Map(variants.map((v: any) => [v.sku, v.product_id as string]))
    const idOf = new Map(variants.map((v: any) => [v.sku, v.id as string]))
    const planned: PlannedTranslation[] = []
    for (const p of [...plan.creates, ...plan.updates]) {
      const productId = productOf.get(withNew(p)[0]?.sku)
      if (productId) {
        planned.push({ reference: "product", reference_id: productId, by_locale: p.translations as Record<string, Record<string, string>> })
      }
    }
    for (const v of plannedVariants) {
      if (idOf.get(v.sku) && Object.keys(v.translations).length) {
        planned.push({ reference: "product_variant", reference_id: idOf.get(v.sku)!, by_locale: v.translations })
      }
    }
    return planned
  })
  const translationBatch = planPublishTranslationsStep(translations)
  when({ translationBatch }, ({ translationBatch }) => translationBatch.create.length + translationBatch.update.length + translationBatch.delete.length > 0).then(() => {
    batchTranslationsWorkflow.runAsStep({ input: translationBatch })
  })

  const marks = transform({ plannedVariants, variants, plan }, ({ plannedVariants, variants, plan }) => {
    const productOf = new Map(variants.map((v: any) => [v.sku, v.product_id]))
    return plannedVariants.flatMap((v) => (productOf.get(v.sku) ? [{ id: v.staged_id, product_id: productOf.get(v.sku) as string, hash: plan.hashes[v.staged_id] }] : []))
  })
  markStagedPublishedStep(marks)

  const summary = transform({ plan, marks, created }, ({ plan, marks, created }) => ({
    created: (created ?? []).length,
    updated: plan.updates.length,
    published_items: marks.length,
    skipped: plan.skipped,
  }))
  emitEventStep({ eventName: "marketplace.staged_products.published", data: transform({ input, summary }, ({ input, summary }) => ({ vendor_id: input.vendor_id, ...summary })) })
  return new WorkflowResponse(summary)
})
