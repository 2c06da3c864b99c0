import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminAddActiveVendorDomain, AdminUpdateActiveVendor, AdminVerifyActiveVendorDomain } from "./validators"

export const adminActiveVendorRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/admin/vendor", middlewares: [validateAndTransformBody(AdminUpdateActiveVendor)] },
  { methods: ["POST"], matcher: "/admin/vendor/domains", middlewares: [validateAndTransformBody(AdminAddActiveVendorDomain)] },
  { methods: ["POST"], matcher: "/admin/vendor/domains/:domain_id/verify", middlewares: [validateAndTransformBody(AdminVerifyActiveVendorDomain)] },
]
