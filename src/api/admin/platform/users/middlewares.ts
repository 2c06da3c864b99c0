import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listPlatformUserQueryConfig } from "./query-config"
import { AdminGetPlatformUsersParams, AdminResetUserPasswords } from "./validators"

/** /admin/platform/users*: platform admins only (the family is in PLATFORM_ONLY). */
export const adminPlatformUserRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/platform/users",
    middlewares: [validateAndTransformQuery(AdminGetPlatformUsersParams, listPlatformUserQueryConfig)],
  },
  { methods: ["POST"], matcher: "/admin/platform/users/password-reset", middlewares: [validateAndTransformBody(AdminResetUserPasswords)] },
]
