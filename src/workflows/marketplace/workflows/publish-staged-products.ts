import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, emitEventStep, updateInventoryLevelsWorkflow, updateProductsWorkflow, updateProductVariantsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { markStagedPublishedStep } from "../steps/mark-staged-published"
import { planPublishStep } from "../steps/plan-publish"

export const publishStagedProductsWorkflowId = "publish-staged-products"

/**
 * Publishes staged feed items into the vendor's catalog (one chunk: the route
 * calls it per chunk). New groups become products — variants, prices in the
 * store currency, images, stock at the vendor's warehouse, linked to the vendor
 * and its webshop; published ones are updated with the feed's current data
 * under the vendor's overrides. Publishing twice updates, never duplicates.
 * Emits `marketplace.staged_products.published`.
 */
export const publishStagedProductsWorkflow = createWorkflow(publishStagedProductsWorkflowId, (input: { vendor_id: string; staged_ids: string[] }) => {
  const plan = planPublishStep(input)

  const created = when({ plan }, ({ plan }) => plan.creates.length > 0).then(() =>
    createProductsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        products: plan.creates.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: p.status,
          images: p.images,
          options: p.options,
          metadata: p.metadata,
          sales_channels: [{ id: plan.vendor.sales_channel_id }],
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            ean: v.ean,
            barcode: v.barcode,
            weight: v.weight,
            manage_inventory: v.manage_inventory,
            options: v.options,
            metadata: v.metadata,
            prices: [{ currency_code: plan.currency_code, amount: v.amount }],
          })),
        })),
        // The products-created hook ties them (and their inventory) to the vendor.
        additional_data: { vendor_id: plan.vendor.id },
      })),
    })
  )

  when({ plan }, ({ plan }) => plan.updates.length > 0).then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        products: plan.updates.map((p) => ({ id: p.product_id!, title: p.title, description: p.description, status: p.status })),
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

  // Which product and variant each staged item is now.
  const skus = transform({ plan }, ({ plan }) => [...plan.creates, ...plan.updates].flatMap((p) => p.variants.map((v) => v.sku)))
  const { data: variants } = useQueryGraphStep({
    entity: "variant",
    fields: ["id", "sku", "product_id", "inventory_items.inventory_item_id"],
    filters: transform({ skus }, ({ skus }) => ({ sku: skus })),
  }).config({ name: "published-variants" })

  // Stock from the feed's quantity, at the vendor's warehouse.
  const levels = transform({ plan, variants }, ({ plan, variants }) => {
    const quantityOf = new Map([...plan.creates, ...plan.updates].flatMap((p) => p.variants.map((v) => [v.sku, v.quantity] as const)))
    return plan.vendor.location_id
      ? variants.flatMap((v: any) =>
          quantityOf.get(v.sku) == null
            ? []
            : (v.inventory_items ?? []).map((i: any) => ({ inventory_item_id: i.inventory_item_id, location_id: plan.vendor.location_id!, stocked_quantity: quantityOf.get(v.sku)! }))
        )
      : []
  })
  when({ levels }, ({ levels }) => levels.length > 0).then(() => {
    updateInventoryLevelsWorkflow.runAsStep({ input: { updates: levels } })
  })

  const marks = transform({ plan, variants }, ({ plan, variants }) => {
    const productOf = new Map(variants.map((v: any) => [v.sku, v.product_id]))
    return [...plan.creates, ...plan.updates].flatMap((p) =>
      p.variants.flatMap((v) => (productOf.get(v.sku) ? [{ id: v.staged_id, product_id: productOf.get(v.sku) as string, hash: plan.hashes[v.staged_id] }] : []))
    )
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
