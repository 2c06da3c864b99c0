import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { retrievePublishJobQueryConfig } from "../publish-jobs/query-config"
import { AdminGetPublishJobParams } from "../publish-jobs/validators"
import { AdminPublish, AdminUnpublish, PublishOverride } from "./validators"

export const adminPublishRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/marketplace/publish",
    middlewares: [validateAndTransformBody(AdminPublish), validateAndTransformQuery(AdminGetPublishJobParams, retrievePublishJobQueryConfig)],
  },
  { methods: ["POST"], matcher: "/admin/marketplace/unpublish", middlewares: [validateAndTransformBody(AdminUnpublish)] },
  { methods: ["POST"], matcher: "/admin/marketplace/staged-products/:id/override", middlewares: [validateAndTransformBody(PublishOverride)] },
]
