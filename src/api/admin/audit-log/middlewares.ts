import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listAuditEntryQueryConfig } from "./query-config"
import { AdminGetAuditLogParams } from "./validators"

export const adminAuditLogRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/audit-log",
    middlewares: [validateAndTransformQuery(AdminGetAuditLogParams, listAuditEntryQueryConfig)],
  },
]
