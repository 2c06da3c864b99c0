import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listPublishJobQueryConfig, retrievePublishJobQueryConfig } from "./query-config"
import { AdminGetPublishJobParams, AdminGetPublishJobsParams } from "./validators"

export const adminPublishJobRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/marketplace/publish-jobs", middlewares: [validateAndTransformQuery(AdminGetPublishJobsParams, listPublishJobQueryConfig)] },
  { methods: ["GET"], matcher: "/admin/marketplace/publish-jobs/:id", middlewares: [validateAndTransformQuery(AdminGetPublishJobParams, retrievePublishJobQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/marketplace/publish-jobs/:id/cancel",
    middlewares: [validateAndTransformQuery(AdminGetPublishJobParams, retrievePublishJobQueryConfig)],
  },
]
