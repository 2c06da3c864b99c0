import { defineMiddlewares } from "@medusajs/framework/http"
import { adminVendorRoutesMiddlewares } from "./admin/vendors/middlewares"
import { storeVendorRoutesMiddlewares } from "./store/vendors/middlewares"
import { maartErrorHandler } from "./utils/error-handler"
import { adminTenancyGuard } from "./tenancy/admin-guard"
import { storeTenancyGuard } from "./tenancy/store-guard"

/** Gathers the per-resource middleware arrays. */
export default defineMiddlewares({
  errorHandler: maartErrorHandler,
  routes: [
    // No `methods`: runs before Medusa's validators, so list filters it writes are validated and applied.
    { matcher: "/admin*", middlewares: [adminTenancyGuard] },
    { matcher: "/store*", middlewares: [storeTenancyGuard] },
    ...adminVendorRoutesMiddlewares,
    ...storeVendorRoutesMiddlewares,
  ],
})
