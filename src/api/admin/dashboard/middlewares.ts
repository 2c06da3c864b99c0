import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetDashboardStatsParams } from "./validators"

export const adminDashboardRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/dashboard/stats", middlewares: [validateAndTransformQuery(AdminGetDashboardStatsParams, {})] },
]
