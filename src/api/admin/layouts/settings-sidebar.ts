import { requiredPermission } from "../../../modules/team/permissions"
import { ADMIN_POLICY, permissionOf } from "../../tenancy/policy"
import { matchRoute } from "../../tenancy/route-match"

/**
 * What a vendor member's Settings area shows. The 2.21 dashboard draws the settings sidebar with the layout
 * composer too (zone `settings.sidebar`, entries `core:settings-nav:<path>`), so it reads which entries are
 * hidden from GET /admin/layouts/settings.sidebar/configuration. A page is shown when the tenancy policy lets
 * the member read what the page lists; otherwise the page would only reach the dashboard's error screen (a
 * list page throws its 403). Pages not listed here (the extensions' settings routes) are left shown.
 */
const PAGES: [path: string, reads: string][] = [
  ["/settings/store", "/admin/stores"],
  ["/settings/users", "/admin/users"],
  ["/settings/roles", "/admin/rbac/roles"],
  ["/settings/policies", "/admin/rbac/policies"],
  ["/settings/regions", "/admin/regions"],
  ["/settings/tax-regions", "/admin/tax-regions"],
  ["/settings/return-reasons", "/admin/return-reasons"],
  ["/settings/refund-reasons", "/admin/refund-reasons"],
  ["/settings/sales-channels", "/admin/sales-channels"],
  ["/settings/product-types", "/admin/product-types"],
  ["/settings/product-tags", "/admin/product-tags"],
  ["/settings/locations", "/admin/stock-locations"],
  ["/settings/property-labels", "/admin/property-labels"],
  ["/settings/translations", "/admin/translations"],
  ["/settings/publishable-api-keys", "/admin/api-keys"],
  ["/settings/secret-api-keys", "/admin/api-keys"],
  ["/settings/workflows", "/admin/workflows-executions"],
  ["/settings/search", "/admin/search-indexes"],
  ["/settings/profile", "/admin/users/me"],
]

/** Whether a member holding `permissions` may GET `route` under the tenancy policy. */
function mayRead(route: string, permissions: ReadonlySet<string>) {
  const match = matchRoute(ADMIN_POLICY, "GET", route)
  if (!match) {
    return false
  }
  const needed = requiredPermission(permissionOf(match.entry, "GET"))
  return !needed || permissions.has(needed)
}

/** The settings sidebar's configuration for a member holding `permissions`, in the shape Medusa's route answers. */
export function vendorSettingsSidebarConfiguration(permissions: ReadonlySet<string>) {
  const widgets = Object.fromEntries(PAGES.map(([path, reads]) => [`core:settings-nav:${path}`, { hidden: !mayRead(reads, permissions) }]))
  return {
    personal_configuration: null,
    default_configuration: { id: "maart_vendor_settings_sidebar", zone: "settings.sidebar", user_id: null, is_default: true, configuration: { widgets } },
    active_scope: "default" as const,
  }
}
