import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { TenantRequest } from "../../tenancy/context"
import { vendorSettingsSidebarConfiguration } from "./settings-sidebar"
import { vendorSidebarConfiguration } from "./sidebar"

/**
 * A vendor member's sidebars come from their role (sidebar.ts, settings-sidebar.ts), answered here
 * before Medusa's own route; platform admins keep Medusa's stored layouts.
 */
const forVendorMember =
  (configuration: (permissions: ReadonlySet<string>) => object) => (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const tenant = (req as TenantRequest).tenant
    if (tenant?.kind !== "vendor") {
      return next()
    }
    res.json(configuration(tenant.permissions))
  }

export const adminLayoutRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/layouts/sidebar/configuration", middlewares: [forVendorMember(vendorSidebarConfiguration)] },
  { methods: ["GET"], matcher: "/admin/layouts/settings.sidebar/configuration", middlewares: [forVendorMember(vendorSettingsSidebarConfiguration)] },
]
