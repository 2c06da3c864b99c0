import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetStagedProductsParams, AdminSetStagedSelection } from "./validators"

export const adminStagedProductRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/marketplace/staged-products", middlewares: [validateAndTransformQuery(AdminGetStagedProductsParams, { isList: true })] },
  { methods: ["POST"], matcher: "/admin/marketplace/staged-products/selection", middlewares: [validateAndTransformBody(AdminSetStagedSelection)] },
]
