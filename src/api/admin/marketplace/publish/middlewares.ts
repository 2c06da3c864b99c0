import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminPublish, AdminUnpublish, PublishOverride } from "./validators"

export const adminPublishRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/admin/marketplace/publish", middlewares: [validateAndTransformBody(AdminPublish)] },
  { methods: ["POST"], matcher: "/admin/marketplace/unpublish", middlewares: [validateAndTransformBody(AdminUnpublish)] },
  { methods: ["POST"], matcher: "/admin/marketplace/staged-products/:id/override", middlewares: [validateAndTransformBody(PublishOverride)] },
]
