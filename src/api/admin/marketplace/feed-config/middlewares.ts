import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpdateFeedConfig } from "./validators"

export const adminFeedConfigRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/admin/marketplace/feed-config", middlewares: [validateAndTransformBody(AdminUpdateFeedConfig)] },
]
