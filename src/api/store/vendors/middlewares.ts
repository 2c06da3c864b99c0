import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreResolveVendorParams } from "./validators"

export const storeVendorRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/vendors/resolve",
    middlewares: [validateAndTransformQuery(StoreResolveVendorParams, { defaults: [], isList: false })],
  },
]
