import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cachedResolution } from "../../lib/vendor-resolution-cache"
import type { VendorScope } from "./context"
import { nonEmpty, ownedIds } from "./ownership"

export type Taxonomy = "product_category" | "product_collection"

/**
 * The categories (with their ancestors, for navigation) and collections a
 * shop's published products use: what its storefront may list. Cached per
 * vendor like its scope, so a new category shows within the cache's TTL.
 */
export async function shopTaxonomyIds(req: MedusaRequest, shop: VendorScope, taxonomy: Taxonomy): Promise<string[]> {
  return cachedResolution(req.scope.resolve(Modules.CACHE), `taxonomy:${shop.vendor_id}:${taxonomy}`, async () => {
    const productIds = await ownedIds(req, shop, "product")
    const { data: products } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product",
      fields: ["collection_id", "categories.mpath"],
      filters: { id: productIds, status: "published" },
    })
    const ids = new Set<string>()
    for (const product of products as { collection_id?: string | null; categories?: { mpath: string }[] | null }[]) {
      if (taxonomy === "product_collection" && product.collection_id) {
        ids.add(product.collection_id)
      }
      if (taxonomy === "product_category") {
        // mpath lists the category and its ancestors: "root.parent.child".
        product.categories?.forEach((c) => c?.mpath.split(".").filter(Boolean).forEach((id) => ids.add(id)))
      }
    }
    return nonEmpty([...ids])
  })
}
