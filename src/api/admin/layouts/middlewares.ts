import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { TenantRequest } from "../../tenancy/context"
import { vendorSidebarConfiguration } from "./sidebar"

/**
 * A vendor member's sidebar comes from their role (sidebar.ts), answered here
 * before Medusa's own route; platform admins keep Medusa's stored layouts.
 */
function vendorSidebar(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const tenant = (req as TenantRequest).tenant
  if (tenant?.kind !== "vendor") {
    return next()
  }
  res.json(vendorSidebarConfiguration(tenant.permissions))
}

export const adminLayoutRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/layouts/sidebar/configuration", middlewares: [vendorSidebar] },
]
