import { defineMiddlewares } from "@medusajs/framework/http"
import { maartErrorHandler } from "./utils/error-handler"

/** Gathers the per-resource middleware arrays; cross-cutting ones come first. */
export default defineMiddlewares({
  errorHandler: maartErrorHandler,
  routes: [],
})
