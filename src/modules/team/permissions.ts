/**
 * THE PERMISSION VOCABULARY: everything a team role can grant (seeds 02), the
 * four default roles with exactly the seeds' permissions, and how Medusa's own
 * `resource:operation` names (used by the policy table for core routes) map
 * onto it. One list, one file: the policy table, the role validators and the
 * admin UI all read it from here.
 */
export const PERMISSIONS = [
  "team.view",
  "team.invite",
  "team.remove",
  "team.manage",
  "products.view",
  "products.create",
  "products.edit",
  "products.delete",
  "orders.view",
  "orders.create",
  "orders.edit",
  "imports.view",
  "imports.trigger",
  "imports.configure",
  "settings.edit",
  "analytics.view",
] as const

export type Permission = (typeof PERMISSIONS)[number]

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value)

export type DefaultRoleKey = "owner" | "manager" | "editor" | "viewer"

export const DEFAULT_ROLES: { key: DefaultRoleKey; name: string; permissions: Permission[] }[] = [
  {
    key: "owner",
    name: "Owner",
    permissions: [
      "team.manage", "team.invite", "team.remove",
      "products.create", "products.edit", "products.delete", "products.view",
      "orders.create", "orders.edit", "orders.view",
      "imports.trigger", "imports.view", "imports.configure",
      "settings.edit", "analytics.view",
    ],
  },
  {
    key: "manager",
    name: "Manager",
    permissions: [
      "team.invite", "team.view",
      "products.create", "products.edit", "products.view",
      "orders.create", "orders.edit", "orders.view",
      "imports.trigger", "imports.view",
      "analytics.view",
    ],
  },
  {
    key: "editor",
    name: "Editor",
    permissions: ["products.create", "products.edit", "products.view", "orders.view", "orders.edit", "imports.view"],
  },
  { key: "viewer", name: "Viewer", permissions: ["products.view", "orders.view", "imports.view"] },
]

// The seeds give the Owner `team.manage` but not `team.view`: managing the team includes seeing it.
const IMPLIED: Partial<Record<Permission, Permission[]>> = { "team.manage": ["team.view"] }

/** The permissions a set of granted ones amounts to (with the implied ones). */
export function effectivePermissions(granted: readonly string[]): Set<Permission> {
  const out = new Set<Permission>()
  for (const p of granted) {
    if (isPermission(p)) {
      out.add(p)
      IMPLIED[p]?.forEach((q) => out.add(q))
    }
  }
  return out
}

// Which part of the vocabulary governs a Medusa resource. `settings`: reading is open to every
// member (a shop cannot load without its store, regions, channel…), changing needs settings.edit.
type Family = "products" | "orders" | "settings"

const FAMILY_OF_RESOURCE: Record<string, Family> = {
  product: "products",
  product_variant: "products",
  inventory_item: "products",
  file: "products",
  order: "orders",
  reservation: "orders",
  customer: "orders", // a shop's customers are who it sells to: the order desk's records
  payment: "orders", // capturing and refunding an order's payment is order work
  payment_collection: "orders",
  sales_channel: "settings",
  stock_location: "settings",
  store: "settings",
  region: "settings",
  currency: "settings",
  locale: "settings",
  price_preference: "settings",
  product_type: "settings",
  product_tag: "settings",
  product_category: "settings",
  product_collection: "settings",
  return_reason: "settings",
  shipping_profile: "settings",
  shipping_option: "settings",
  refund_reason: "settings",
  payment_provider: "settings",
  plugin: "settings",
  feature_flag: "settings",
  user: "settings",
  vendor: "settings", // the active vendor's own settings (/admin/vendor)
  invite: "settings",
}

const OPERATION: Record<Family, Record<string, Permission | null>> = {
  products: { read: "products.view", create: "products.create", update: "products.edit", delete: "products.delete" },
  orders: { read: "orders.view", create: "orders.create", update: "orders.edit", delete: "orders.edit" },
  settings: { read: null, accept: null, create: "settings.edit", update: "settings.edit", delete: "settings.edit" },
}

/**
 * The Maart permission a policy entry's permission name requires: a Maart name
 * (`team.invite`) is itself; a Medusa name (`product:update`) maps through its
 * resource's family. `null`: any member of the vendor may. Unknown names throw,
 * so a typo in the policy table fails the unit tests, not a user.
 */
export function requiredPermission(name: string): Permission | null {
  if (isPermission(name)) {
    return name
  }
  const [resource, operation] = name.split(":")
  const family = FAMILY_OF_RESOURCE[resource]
  const permission = family ? OPERATION[family][operation] : undefined
  if (permission === undefined) {
    throw new Error(`No Maart permission for "${name}": add it to src/modules/team/permissions.ts`)
  }
  return permission
}
