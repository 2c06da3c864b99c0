import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { ProductSearchParams } from "../../store/search/validators"

export const adminCatalogSearchRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/catalog-search", middlewares: [validateAndTransformQuery(ProductSearchParams, {})] },
]
