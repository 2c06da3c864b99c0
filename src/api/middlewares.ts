import { defineMiddlewares } from "@medusajs/framework/http"
import { adminVendorRoutesMiddlewares } from "./admin/vendors/middlewares"
import { storeVendorRoutesMiddlewares } from "./store/vendors/middlewares"
import { maartErrorHandler } from "./utils/error-handler"

/** Gathers the per-resource middleware arrays. */
export default defineMiddlewares({
  errorHandler: maartErrorHandler,
  routes: [...adminVendorRoutesMiddlewares, ...storeVendorRoutesMiddlewares],
})
