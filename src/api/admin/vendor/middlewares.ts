import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpdateActiveVendor } from "./validators"

export const adminActiveVendorRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/admin/vendor", middlewares: [validateAndTransformBody(AdminUpdateActiveVendor)] },
]
