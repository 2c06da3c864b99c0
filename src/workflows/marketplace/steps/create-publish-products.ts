import type { CreateProductDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CreatedPublishProduct = { id: string; handle: string; variants: { id: string; sku: string }[] }

export const createPublishProductsStepId = "create-publish-products"

/**
 * Creates a chunk's new products (options, images, categories), then all their
 * variants — one product-module call each, as createProductsWorkflow's
 * createProductsStep and createProductVariantsStep do. Returns only the ids the
 * next steps need. Compensation deletes the products (and with them their
 * variants).
 */
export const createPublishProductsStep = createStep(
  createPublishProductsStepId,
  async (products: CreateProductDTO[], { container }) => {
    if (!products.length) {
      return new StepResponse([] as CreatedPublishProduct[], [] as string[])
    }
    const service = container.resolve(Modules.PRODUCT)
    const created = await service.createProducts(products.map(({ variants, ...product }) => product))
    // Measured: cheaper than passing the variants nested in createProducts.
    const variants = await service
      .createProductVariants(products.flatMap((p, i) => (p.variants ?? []).map((v) => ({ ...v, product_id: created[i].id }))))
      .catch(async (e) => {
        // A failed step is not compensated: its products go here (e.g. a SKU already taken).
        await service.deleteProducts(created.map((p) => p.id))
        throw e
      })
    const result: CreatedPublishProduct[] = created.map((p) => ({ id: p.id, handle: p.handle, variants: [] }))
    const byId = new Map(result.map((p) => [p.id, p]))
    variants.forEach((v) => byId.get(v.product_id!)?.variants.push({ id: v.id, sku: v.sku! }))
    return new StepResponse(result, result.map((p) => p.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve(Modules.PRODUCT).deleteProducts(ids)
  }
)
