import type { Permission } from "../../../modules/team/permissions"

/**
 * What a vendor user's dashboard sidebar shows. Medusa 2.21's dashboard draws
 * its sidebar through the layout composer and reads which entries are hidden
 * (and in which order) from GET /admin/layouts/sidebar/configuration:
 * `configuration.widgets["core:nav:<path>"]` for a section (the composer prefixes
 * its own entries with `core:`), `"nav-child:<parent>:<path>"` for an entry under it. Here that configuration is derived from the role's
 * permissions, so a member only sees what the tenancy policy lets them open.
 */

// A sidebar entry and the permission it needs (`null`: any member; `false`: platform admins only).
const ENTRIES: [id: string, needs: Permission | null | false][] = [
  // Maart's own pages (src/admin/routes): the shop's overview first.
  ["nav:/dashboard", "analytics.view"],
  ["nav:/vendor", null],
  ["nav:/team", "team.view"],
  ["nav:/marketplace", "imports.view"],
  // The shop's emails: templates are settings, which every member reads (the log inside needs orders.view).
  ["nav:/notifications", null],
  ["nav:/media", "products.view"],
  ["nav:/platform", false],
  // Medusa's sections and the policy's families (docs/teams.md).
  ["nav:/orders", "orders.view"],
  ["nav:/products", "products.view"],
  // The stock collections list asks every collection's products (fields=+products.id), which reaches other
  // vendors' records and is refused (src/api/tenancy/field-scope.ts): collections stay readable in product forms.
  ["nav-child:/products:/collections", false],
  ["nav-child:/products:/categories", "products.view"],
  ["nav-child:/products:/product-options", false],
  ["nav:/inventory", "products.view"],
  ["nav-child:/inventory:/reservations", "orders.view"],
  ["nav:/customers", "orders.view"],
  ["nav-child:/customers:/customer-groups", false],
  ["nav:/promotions", false],
  ["nav-child:/promotions:/campaigns", false],
  ["nav:/price-lists", false],
]

type Widgets = Record<string, { hidden?: boolean; order?: number }>

/** The sidebar's configuration for a member holding `permissions`, in the shape Medusa's route answers. */
export function vendorSidebarConfiguration(permissions: ReadonlySet<string>) {
  const widgets: Widgets = {}
  ENTRIES.forEach(([id, needs], index) => {
    const hidden = needs === false || (needs !== null && !permissions.has(needs))
    // The composer sorts by `order` (0 when unset); sections keep the order listed here, below the search bar.
    if (id.startsWith("nav-child:")) {
      widgets[id] = { hidden }
    } else {
      widgets[`core:${id}`] = { hidden, order: index + 1 }
    }
  })
  widgets["core:Searchbar"] = { order: 0 }
  return {
    personal_configuration: null,
    default_configuration: { id: "maart_vendor_sidebar", zone: "sidebar", user_id: null, is_default: true, configuration: { widgets } },
    active_scope: "default" as const,
  }
}
