import { defineMiddlewares } from "@medusajs/framework/http"
import { adminVendorRoutesMiddlewares } from "./admin/vendors/middlewares"
import { storeVendorRoutesMiddlewares } from "./store/vendors/middlewares"
import { maartErrorHandler } from "./utils/error-handler"
import { guardPlatformAdminFlag } from "./utils/platform-admin"

/** Gathers the per-resource middleware arrays. */
export default defineMiddlewares({
  errorHandler: maartErrorHandler,
  routes: [
    { methods: ["POST"], matcher: "/admin/users*", middlewares: [guardPlatformAdminFlag] },
    { methods: ["POST"], matcher: "/admin/invites*", middlewares: [guardPlatformAdminFlag] },
    ...adminVendorRoutesMiddlewares,
    ...storeVendorRoutesMiddlewares,
  ],
})
