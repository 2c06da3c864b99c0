import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listImportJobQueryConfig, listImportRowErrorQueryConfig, retrieveImportJobQueryConfig } from "./query-config"
import { AdminCreateImportJob, AdminGetImportJobParams, AdminGetImportJobsParams, AdminGetImportRowErrorsParams } from "./validators"

export const adminImportJobRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/marketplace/imports", middlewares: [validateAndTransformQuery(AdminGetImportJobsParams, listImportJobQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/marketplace/imports",
    middlewares: [validateAndTransformBody(AdminCreateImportJob), validateAndTransformQuery(AdminGetImportJobParams, retrieveImportJobQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/marketplace/imports/:id", middlewares: [validateAndTransformQuery(AdminGetImportJobParams, retrieveImportJobQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/marketplace/imports/:id/cancel",
    middlewares: [validateAndTransformQuery(AdminGetImportJobParams, retrieveImportJobQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/marketplace/imports/:id/errors",
    middlewares: [validateAndTransformQuery(AdminGetImportRowErrorsParams, listImportRowErrorQueryConfig)],
  },
]
