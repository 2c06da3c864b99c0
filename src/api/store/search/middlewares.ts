import { configureStoreSearch, validateAndTransformQuery, type MedusaStoreRequest, type MiddlewareRoute } from "@medusajs/framework/http"
import type { VendorScope } from "../../tenancy/context"
import { ProductSearchParams } from "./validators"

/**
 * Medusa's POST /store/search (InstantSearch's protocol) serves the `product` index only, and every query
 * is ANDed with the key's vendor (Medusa adds published + the key's channel itself).
 */
const shopProducts = configureStoreSearch({
  allowed_indexes: {
    product: { filters: (req: MedusaStoreRequest) => ({ vendor_id: (req as MedusaStoreRequest & { shop?: VendorScope }).shop!.vendor_id }) },
  },
})

export const storeSearchRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/store/search", middlewares: [shopProducts] },
  { methods: ["GET"], matcher: "/store/search/products", middlewares: [validateAndTransformQuery(ProductSearchParams, {})] },
]
