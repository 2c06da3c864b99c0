import type { TenantRequest, VendorScope } from "./context"
import { assertWithin, nonEmpty, ownedIds, owns, type Resource } from "./ownership"

/**
 * THE TENANCY POLICY (design.md §2). Every /admin request of a vendor user is
 * decided here: a route that matches no entry is refused (deny by default).
 * Platform admins pass unscoped. Each entry names the permission it requires —
 * per method where they differ — as Medusa's `resource:operation` for core
 * routes or Maart's own name for Maart routes; src/modules/team/permissions.ts
 * maps both onto the team roles' vocabulary, and the guard refuses a member
 * whose role in the active vendor lacks it (403 PERMISSION_DENIED). One scope rule:
 *
 * - public      Medusa lets it through without a user (login page, invite acceptance)
 * - self        any signed-in user, no vendor needed (their own profile)
 * - global      platform configuration a shop needs; read only
 * - vendor      a Maart route that works on the active vendor's own records by itself
 *               (team, audit log): the handler reads the vendor from the tenant context
 * - list        the vendor filter is written into the query before Medusa validates it,
 *               so counts and pagination stay right and a client filter cannot widen it
 * - owned       every id in the path must belong to the vendor, else 404
 * - create      the body may only reference the vendor's own records; the new record is
 *               tied to the vendor (via `additional_data.vendor_id` → workflow hooks)
 *
 * `body` checks run for create and owned writes: references to another vendor's sales
 * channel or location are refused with 403 OUTSIDE_VENDOR_SCOPE (mass assignment).
 *
 * PLATFORM_ONLY lists what is deliberately left to platform admins; the isolation suite
 * fails for any registered route that is in neither list.
 */
export type Method = "GET" | "POST" | "DELETE"

export type RuleContext = { req: TenantRequest; scope: VendorScope; body: Record<string, any> }

export type Rule =
  | { scope: "public" }
  | { scope: "self" }
  | { scope: "global" }
  | { scope: "vendor" }
  | { scope: "list"; filter: (ctx: RuleContext) => Promise<Record<string, unknown>> | Record<string, unknown> }
  | { scope: "owned"; params: Record<string, Resource>; body?: (ctx: RuleContext) => void | Promise<void> }
  | { scope: "create"; body: (ctx: RuleContext) => void | Promise<void> }
  // A list that is only meaningful for one owned record named in the query (e.g. ?order_id=).
  | { scope: "owned-query"; query: string; resource: Resource }

export type PolicyEntry = { methods: Method[]; route: string; permission: string | Partial<Record<Method, string>>; rule: Rule }

/** The permission name an entry requires for a method. */
export const permissionOf = (entry: PolicyEntry, method: Method): string =>
  typeof entry.permission === "string" ? entry.permission : entry.permission[method]!

// A record's own routes: read, update, delete it.
const rw = (resource: string) => ({ GET: `${resource}:read`, POST: `${resource}:update`, DELETE: `${resource}:delete` })
// A part of a record (a variant, a stock level, an address): removing it changes the record.
const part = (resource: string) => ({ GET: `${resource}:read`, POST: `${resource}:update`, DELETE: `${resource}:update` })

const GET: Method[] = ["GET"]
const POST: Method[] = ["POST"]
const DELETE: Method[] = ["DELETE"]

const global = (route: string, permission: string): PolicyEntry => ({ methods: GET, route, permission, rule: { scope: "global" } })
const owned = (methods: Method[], route: string, permission: PolicyEntry["permission"], params: Record<string, Resource>, body?: (ctx: RuleContext) => void | Promise<void>): PolicyEntry => ({
  methods,
  route,
  permission,
  rule: { scope: "owned", params, body },
})

// Body checks (mass assignment).
const ownChannels = ({ body, scope }: RuleContext) => {
  if (body.sales_channels !== undefined) {
    assertWithin(body.sales_channels, [scope.sales_channel_id], "sales_channels")
  }
}
const ownLocation = ({ body, scope }: RuleContext) => assertWithin(body.location_id, scope.stock_location_ids, "location_id")
// Variants may name existing inventory items to stock from: only the vendor's own.
const ownVariantItems = (ctx: RuleContext, variants: { inventory_items?: { inventory_item_id?: string }[] }[] = []) =>
  assertOwnedIds(ctx, "inventory_item", variants.flatMap((v) => (v.inventory_items ?? []).map((i) => i.inventory_item_id)))
const tieToVendor = ({ body, scope }: RuleContext) => {
  body.additional_data = { ...(body.additional_data ?? {}), vendor_id: scope.vendor_id }
}

const PRODUCT = { id: "product" } as const
const VARIANT = { id: "product", variant_id: "product_variant" } as const
const ORDER = { id: "order" } as const
const ITEM = { id: "inventory_item" } as const
const CUSTOMER = { id: "customer" } as const
const PAYMENT = { id: "payment" } as const
// Medusa answers a fulfilment of another order with a bare Error (500): the guard checks it first.
const FULFILLMENT = { id: "order", fulfillment_id: "fulfillment" } as const
const RETURN = { id: "return" } as const

export const ADMIN_POLICY: PolicyEntry[] = [
  // ── Before sign-in: the login page's flags; accepting a platform invite (its token is the key) ──
  { methods: GET, route: "/admin/feature-flags", permission: "feature_flag:read", rule: { scope: "public" } },
  { methods: POST, route: "/admin/invites/accept", permission: "invite:accept", rule: { scope: "public" } },
  // A team invitation: a new person presents a registration token (no user yet), an existing user their own.
  { methods: POST, route: "/admin/team/invites/accept", permission: "invite:accept", rule: { scope: "self" } },
  { methods: POST, route: "/admin/team/invites/preview", permission: "invite:accept", rule: { scope: "public" } },

  // ── Who am I ──
  { methods: GET, route: "/admin/users/me", permission: "user:read", rule: { scope: "self" } },
  { methods: GET, route: "/admin/me/vendors", permission: "user:read", rule: { scope: "self" } },
  { methods: POST, route: "/admin/me/vendor", permission: "user:read", rule: { scope: "self" } },
  // The dashboard's layout of a zone for this user (their own and the default; a vendor member's sidebar is derived
  // from their role, src/api/admin/layouts). Saving layouts and the list of them stay the platform's.
  { methods: GET, route: "/admin/layouts/:zone/configuration", permission: "vendor:read", rule: { scope: "vendor" } },

  // ── Platform configuration a shop needs to load (read only) ──
  global("/admin/stores", "store:read"),
  global("/admin/stores/:id", "store:read"),
  global("/admin/regions", "region:read"),
  global("/admin/regions/:id", "region:read"),
  global("/admin/currencies", "currency:read"),
  global("/admin/currencies/:code", "currency:read"),
  global("/admin/locales", "locale:read"),
  global("/admin/locales/:code", "locale:read"),
  global("/admin/price-preferences", "price_preference:read"),
  global("/admin/price-preferences/:id", "price_preference:read"),
  global("/admin/product-types", "product_type:read"),
  global("/admin/product-types/:id", "product_type:read"),
  global("/admin/product-tags", "product_tag:read"),
  global("/admin/product-tags/:id", "product_tag:read"),
  global("/admin/product-categories", "product_category:read"),
  global("/admin/product-categories/:id", "product_category:read"),
  global("/admin/collections", "product_collection:read"),
  global("/admin/collections/:id", "product_collection:read"),
  global("/admin/return-reasons", "return_reason:read"),
  global("/admin/return-reasons/:id", "return_reason:read"),
  global("/admin/shipping-profiles", "shipping_profile:read"),
  global("/admin/shipping-profiles/:id", "shipping_profile:read"),
  global("/admin/plugins", "plugin:read"),
  global("/admin/refund-reasons", "refund_reason:read"),
  global("/admin/refund-reasons/:id", "refund_reason:read"),
  global("/admin/payments/payment-providers", "payment_provider:read"),

  // ── The vendor's webshop (sales channel) and warehouses (stock locations) ──
  { methods: GET, route: "/admin/sales-channels", permission: "sales_channel:read", rule: { scope: "list", filter: ({ scope }) => ({ id: nonEmpty([scope.sales_channel_id]) }) } },
  owned(GET, "/admin/sales-channels/:id", "sales_channel:read", { id: "sales_channel" }),
  { methods: GET, route: "/admin/stock-locations", permission: "stock_location:read", rule: { scope: "list", filter: ({ scope }) => ({ id: nonEmpty(scope.stock_location_ids) }) } },
  owned(["GET", "POST"], "/admin/stock-locations/:id", rw("stock_location"), { id: "stock_location" }),

  // ── Products, variants, options, images, prices ──
  { methods: GET, route: "/admin/products", permission: "product:read", rule: { scope: "list", filter: ({ scope }) => ({ sales_channel_id: nonEmpty([scope.sales_channel_id]) }) } },
  {
    methods: POST,
    route: "/admin/products",
    permission: "product:create",
    rule: {
      scope: "create",
      body: async (ctx) => {
        ctx.body.sales_channels ??= [{ id: ctx.scope.sales_channel_id }]
        ownChannels(ctx)
        await ownVariantItems(ctx, ctx.body.variants)
        tieToVendor(ctx)
      },
    },
  },
  owned(["GET", "POST", "DELETE"], "/admin/products/:id", rw("product"), PRODUCT, ownChannels),
  owned(GET, "/admin/products/:id/options", "product:read", PRODUCT),
  owned(POST, "/admin/products/:id/options/batch", "product:update", PRODUCT),
  owned(["GET", "POST"], "/admin/products/:id/variants", part("product"), PRODUCT, (ctx) => ownVariantItems(ctx, [ctx.body])),
  owned(POST, "/admin/products/:id/variants/batch", "product:update", PRODUCT, (ctx) =>
    ownVariantItems(ctx, [...(ctx.body.create ?? []), ...(ctx.body.update ?? [])])
  ),
  owned(["GET", "POST", "DELETE"], "/admin/products/:id/variants/:variant_id", part("product"), VARIANT),
  owned(POST, "/admin/products/:id/variants/:variant_id/inventory-items", "product:update", VARIANT, async (ctx) => {
    await assertOwnedIds(ctx, "inventory_item", [ctx.body.inventory_item_id])
  }),
  owned(["POST", "DELETE"], "/admin/products/:id/variants/:variant_id/inventory-items/:inventory_item_id", part("product"), {
    ...VARIANT,
    inventory_item_id: "inventory_item",
  }),

  // ── Inventory items and levels ──
  { methods: GET, route: "/admin/inventory-items", permission: "inventory_item:read", rule: { scope: "list", filter: ({ scope }) => ({ location_levels: { location_id: nonEmpty(scope.stock_location_ids) } }) } },
  owned(["GET", "POST", "DELETE"], "/admin/inventory-items/:id", rw("inventory_item"), ITEM),
  owned(["GET", "POST"], "/admin/inventory-items/:id/location-levels", part("inventory_item"), ITEM, (ctx) => {
    if (ctx.req.method === "POST") ownLocation(ctx)
  }),
  owned(["POST", "DELETE"], "/admin/inventory-items/:id/location-levels/:location_id", part("inventory_item"), {
    ...ITEM,
    location_id: "stock_location",
  }),
  owned(POST, "/admin/inventory-items/:id/location-levels/batch", "inventory_item:update", ITEM, async (ctx) => {
    const { create = [], update = [], delete: remove = [] } = ctx.body
    assertWithin([...create, ...update].map((l: { location_id: string }) => l.location_id), ctx.scope.stock_location_ids, "location_id")
    await assertOwnedIds(ctx, "inventory_level", remove)
  }),
  {
    methods: POST,
    route: "/admin/inventory-items/location-levels/batch",
    permission: "inventory_item:update",
    rule: {
      scope: "create",
      body: async (ctx) => {
        const { create = [], update = [], delete: remove = [] } = ctx.body
        const levels = [...create, ...update] as { location_id: string; inventory_item_id: string }[]
        assertWithin(levels.map((l) => l.location_id), ctx.scope.stock_location_ids, "location_id")
        await assertOwnedIds(ctx, "inventory_item", levels.map((l) => l.inventory_item_id))
        await assertOwnedIds(ctx, "inventory_level", remove)
      },
    },
  },
  { methods: GET, route: "/admin/reservations", permission: "reservation:read", rule: { scope: "list", filter: ({ scope }) => ({ location_id: nonEmpty(scope.stock_location_ids) }) } },
  {
    methods: POST,
    route: "/admin/reservations",
    permission: "reservation:create",
    rule: {
      scope: "create",
      body: async (ctx) => {
        ownLocation(ctx)
        await assertOwnedIds(ctx, "inventory_item", [ctx.body.inventory_item_id])
      },
    },
  },
  owned(["GET", "POST", "DELETE"], "/admin/reservations/:id", rw("reservation"), { id: "reservation" }, (ctx) => {
    if (ctx.body.location_id !== undefined) ownLocation(ctx)
  }),

  // ── Orders: read, fulfil, cancel ──
  { methods: GET, route: "/admin/orders", permission: "order:read", rule: { scope: "list", filter: ({ scope }) => ({ sales_channel_id: nonEmpty([scope.sales_channel_id]) }) } },
  owned(["GET", "POST"], "/admin/orders/:id", rw("order"), ORDER),
  owned(GET, "/admin/orders/:id/preview", "order:read", ORDER),
  owned(GET, "/admin/orders/:id/changes", "order:read", ORDER),
  owned(GET, "/admin/orders/:id/line-items", "order:read", ORDER),
  owned(GET, "/admin/orders/:id/shipping-options", "order:read", ORDER),
  owned(POST, "/admin/orders/:id/cancel", "order:update", ORDER),
  owned(POST, "/admin/orders/:id/complete", "order:update", ORDER),
  owned(POST, "/admin/orders/:id/archive", "order:update", ORDER),
  owned(POST, "/admin/orders/:id/fulfillments", "order:update", ORDER, (ctx) => {
    if (ctx.body.location_id !== undefined) ownLocation(ctx)
  }),
  owned(POST, "/admin/orders/:id/fulfillments/:fulfillment_id/cancel", "order:update", FULFILLMENT),
  owned(POST, "/admin/orders/:id/fulfillments/:fulfillment_id/shipments", "order:update", FULFILLMENT),
  owned(POST, "/admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered", "order:update", FULFILLMENT),
  // The fulfilment form picks one of the shop's shipping options (listed by warehouse).
  { methods: GET, route: "/admin/shipping-options", permission: "shipping_option:read", rule: { scope: "list", filter: ({ scope }) => ({ stock_location_id: nonEmpty(scope.stock_location_ids) }) } },
  owned(GET, "/admin/shipping-options/:id", "shipping_option:read", { id: "shipping_option" }),
  // Payments of the vendor's orders (payment → collection → order → sales channel): capture, refund.
  owned(GET, "/admin/payments/:id", "payment:read", PAYMENT),
  owned(POST, "/admin/payments/:id/capture", "payment:update", PAYMENT),
  owned(POST, "/admin/payments/:id/refund", "payment:update", PAYMENT),
  // An order's outstanding collection (after an edit or claim) settled by hand; the order must be the vendor's too.
  owned(POST, "/admin/payment-collections/:id/mark-as-paid", "payment_collection:update", { id: "payment_collection" }, (ctx) =>
    assertOwnedIds(ctx, "order", [ctx.body.order_id])
  ),
  { methods: GET, route: "/admin/returns", permission: "order:read", rule: { scope: "owned-query", query: "order_id", resource: "order" } },
  // Returns of the vendor's orders, received back into its own warehouses (a return is owned through its order).
  {
    methods: POST,
    route: "/admin/returns",
    permission: "order:update",
    rule: {
      scope: "create",
      body: async (ctx) => {
        await assertOwnedIds(ctx, "order", [ctx.body.order_id])
        if (ctx.body.location_id !== undefined) ownLocation(ctx)
      },
    },
  },
  owned(["GET", "POST"], "/admin/returns/:id", { GET: "order:read", POST: "order:update" }, RETURN, (ctx) => {
    if (ctx.body.location_id !== undefined) ownLocation(ctx)
  }),
  ...["request-items", "receive-items", "dismiss-items", "receive/confirm", "cancel"].map((action) =>
    owned(POST, `/admin/returns/:id/${action}`, "order:update", RETURN)
  ),
  // Actions are looked up in the return's own order change by Medusa: another return's action is not found.
  ...["request-items", "receive-items", "dismiss-items", "shipping-method"].map((action) =>
    owned(["POST", "DELETE"], `/admin/returns/:id/${action}/:action_id`, "order:update", RETURN)
  ),
  owned(["POST", "DELETE"], "/admin/returns/:id/request", "order:update", RETURN),
  owned(["POST", "DELETE"], "/admin/returns/:id/receive", "order:update", RETURN),
  owned(POST, "/admin/returns/:id/shipping-method", "order:update", RETURN, (ctx) =>
    assertOwnedIds(ctx, "shipping_option", [ctx.body.shipping_option_id])
  ),
  { methods: GET, route: "/admin/claims", permission: "order:read", rule: { scope: "owned-query", query: "order_id", resource: "order" } },
  { methods: GET, route: "/admin/exchanges", permission: "order:read", rule: { scope: "owned-query", query: "order_id", resource: "order" } },

  // ── Customers (per shop) ──
  { methods: GET, route: "/admin/customers", permission: "customer:read", rule: { scope: "list", filter: async ({ req, scope }) => ({ id: await ownedIds(req, scope, "customer") }) } },
  { methods: POST, route: "/admin/customers", permission: "customer:create", rule: { scope: "create", body: tieToVendor } },
  owned(["GET", "POST", "DELETE"], "/admin/customers/:id", rw("customer"), CUSTOMER),
  owned(["GET", "POST"], "/admin/customers/:id/addresses", part("customer"), CUSTOMER),
  owned(["GET", "POST", "DELETE"], "/admin/customers/:id/addresses/:address_id", part("customer"), CUSTOMER),

  // ── The active vendor's own settings (Stripe Connect account): any member reads, settings.edit changes ──
  { methods: ["GET", "POST"], route: "/admin/vendor", permission: { GET: "vendor:read", POST: "vendor:update" }, rule: { scope: "vendor" } },
  // Its custom domains: the handlers look the domain up within the active vendor (another vendor's: 404).
  { methods: POST, route: "/admin/vendor/domains", permission: "vendor:update", rule: { scope: "vendor" } },
  { methods: DELETE, route: "/admin/vendor/domains/:domain_id", permission: "vendor:update", rule: { scope: "vendor" } },
  { methods: POST, route: "/admin/vendor/domains/:domain_id/verify", permission: "vendor:update", rule: { scope: "vendor" } },

  // ── The vendor's team (Maart routes; the vendor comes from the tenant context) ──
  { methods: GET, route: "/admin/team/members", permission: "team.view", rule: { scope: "vendor" } },
  owned(["POST", "DELETE"], "/admin/team/members/:id", { POST: "team.manage", DELETE: "team.remove" }, { id: "membership" }),
  { methods: ["GET", "POST"], route: "/admin/team/roles", permission: { GET: "team.view", POST: "team.manage" }, rule: { scope: "vendor" } },
  owned(["GET", "POST", "DELETE"], "/admin/team/roles/:id", { GET: "team.view", POST: "team.manage", DELETE: "team.manage" }, { id: "team_role" }),
  { methods: ["GET", "POST"], route: "/admin/team/invites", permission: { GET: "team.view", POST: "team.invite" }, rule: { scope: "vendor" } },
  owned(DELETE, "/admin/team/invites/:id", "team.invite", { id: "team_invite" }),
  owned(POST, "/admin/team/invites/:id/resend", "team.invite", { id: "team_invite" }),
  // The vendor's audit log: team.manage, which among the default roles only the Owner has.
  { methods: GET, route: "/admin/audit-log", permission: "team.manage", rule: { scope: "vendor" } },

  // ── Dashboard stats (Maart route): the active vendor's figures; platform admins see every vendor's ──
  { methods: GET, route: "/admin/dashboard/stats", permission: "analytics.view", rule: { scope: "vendor" } },

  // The inventory ledger (Maart route): the active vendor's movements; inventory is the catalog's family.
  { methods: GET, route: "/admin/inventory/movements", permission: "products.view", rule: { scope: "vendor" } },

  // ── Letzshop imports (Maart routes): a vendor's own jobs; platform admins see every vendor's ──
  { methods: ["GET", "POST"], route: "/admin/marketplace/imports", permission: { GET: "imports.view", POST: "imports.trigger" }, rule: { scope: "vendor" } },
  owned(GET, "/admin/marketplace/imports/:id", "imports.view", { id: "import_job" }),
  owned(GET, "/admin/marketplace/imports/:id/errors", "imports.view", { id: "import_job" }),
  // Stores the report as a file and answers a download link (presigned on S3): reading, by another path.
  owned(POST, "/admin/marketplace/imports/:id/errors/export", "imports.view", { id: "import_job" }),
  owned(POST, "/admin/marketplace/imports/:id/cancel", "imports.trigger", { id: "import_job" }),

  { methods: ["GET", "POST"], route: "/admin/marketplace/feed-config", permission: { GET: "imports.view", POST: "imports.configure" }, rule: { scope: "vendor" } },
  // Staging: browsing needs imports.view; choosing what to publish is catalog work (products.create).
  { methods: GET, route: "/admin/marketplace/staged-products", permission: "imports.view", rule: { scope: "vendor" } },
  owned(GET, "/admin/marketplace/staged-products/:id", "imports.view", { id: "staged_product" }),
  { methods: POST, route: "/admin/marketplace/staged-products/selection", permission: "products.create", rule: { scope: "vendor" } },
  owned(POST, "/admin/marketplace/staged-products/:id/override", "products.edit", { id: "staged_product" }),
  { methods: POST, route: "/admin/marketplace/publish", permission: "products.create", rule: { scope: "vendor" } },
  { methods: POST, route: "/admin/marketplace/unpublish", permission: "products.edit", rule: { scope: "vendor" } },
  // Publish jobs: whoever may publish (products.create) follows them with the catalog's read permission.
  { methods: GET, route: "/admin/marketplace/publish-jobs", permission: "products.view", rule: { scope: "vendor" } },
  owned(GET, "/admin/marketplace/publish-jobs/:id", "products.view", { id: "publish_job" }),
  owned(POST, "/admin/marketplace/publish-jobs/:id/cancel", "products.create", { id: "publish_job" }),

  // ── The shop's emails (docs/admin.md, "Notifications"): its log in Medusa's notification routes (answered for a shop
  // by src/api/admin/notifications/middlewares.ts: records with its data.vendor_id, another shop's id 404), and
  // its own wording of the emails. The log is customer data (the order desk's); any member reads the templates.
  { methods: GET, route: "/admin/notifications", permission: "orders.view", rule: { scope: "vendor" } },
  { methods: GET, route: "/admin/notifications/:id", permission: "orders.view", rule: { scope: "vendor" } },
  { methods: POST, route: "/admin/notifications/:id/retry", permission: "orders.edit", rule: { scope: "vendor" } },
  { methods: GET, route: "/admin/notifications/templates", permission: "vendor:read", rule: { scope: "vendor" } },
  { methods: ["POST", "DELETE"], route: "/admin/notifications/templates/:template", permission: "settings.edit", rule: { scope: "vendor" } },
  { methods: POST, route: "/admin/notifications/templates/:template/preview", permission: "vendor:read", rule: { scope: "vendor" } },
  { methods: POST, route: "/admin/notifications/templates/:template/send-test", permission: "settings.edit", rule: { scope: "vendor" } },

  // Catalog search (Maart route, docs/search.md): the active vendor's products through the search index.
  { methods: GET, route: "/admin/catalog-search", permission: "products.view", rule: { scope: "vendor" } },

  // ── The vendor's media library (Maart routes, docs/admin.md "Media"): catalog files, so the catalog's permissions ──
  { methods: ["GET", "POST"], route: "/admin/media", permission: { GET: "products.view", POST: "products.edit" }, rule: { scope: "vendor" } },
  owned(["GET", "POST", "DELETE"], "/admin/media/:id", { GET: "products.view", POST: "products.edit", DELETE: "products.edit" }, { id: "media_file" }),

  // ── Files (product images, logos) ──
  { methods: POST, route: "/admin/uploads", permission: "file:update", rule: { scope: "create", body: () => undefined } },
  { methods: POST, route: "/admin/uploads/presigned-urls", permission: "file:update", rule: { scope: "create", body: () => undefined } },
]

async function assertOwnedIds(ctx: RuleContext, resource: Resource, ids: (string | undefined)[]) {
  for (const id of ids.filter((i): i is string => !!i)) {
    if (!(await owns(ctx.req, ctx.scope, resource, id))) {
      assertWithin(id, [], resource)
    }
  }
}

/**
 * Left to platform admins on purpose (`*` = the whole family). Vendor families
 * (products, orders, …) list their platform-only routes one by one, so a new
 * core route in such a family is caught by the isolation suite.
 */
export const PLATFORM_ONLY: { methods?: Method[]; route: string }[] = [
  // Whole families: platform configuration and back office.
  ...[
    "api-keys", "campaigns", "customer-groups", "draft-orders", "fulfillment-providers", "fulfillment-sets",
    "fulfillments", "index", "invites", "layouts", "order-changes", "order-edits",
    "price-lists", "product-options", "product-variants", "promotions",
    "property-labels", "rbac", "search", "search-indexes", "shipping-option-types",
    "tax-providers", "tax-rates", "tax-regions", "translations", "users", "views",
    "workflows-executions", "vendors", "platform",
  ].map((family) => ({ route: `/admin/${family}*` })),
  // Writes to platform configuration the vendors only read.
  ...[
    "stores", "regions", "currencies", "locales", "price-preferences", "product-types", "product-tags",
    "product-categories", "collections", "return-reasons", "shipping-profiles", "refund-reasons",
  ].map((family) => ({ methods: ["POST", "DELETE"] as Method[], route: `/admin/${family}*` })),
  // Claims and exchanges beyond reading an owned order's list (a later issue).
  { route: "/admin/claims/*" }, { methods: POST, route: "/admin/claims" },
  { route: "/admin/exchanges/*" }, { methods: POST, route: "/admin/exchanges" },
  // Within vendor families.
  { methods: ["POST", "DELETE"], route: "/admin/sales-channels*" },
  { methods: POST, route: "/admin/stock-locations" },
  { methods: DELETE, route: "/admin/stock-locations/:id" },
  { methods: POST, route: "/admin/stock-locations/:id/fulfillment-providers" },
  { methods: POST, route: "/admin/stock-locations/:id/fulfillment-sets" },
  { methods: POST, route: "/admin/stock-locations/:id/sales-channels" },
  { methods: POST, route: "/admin/marketplace/imports/trigger-all" },
  { methods: POST, route: "/admin/products/batch" },
  { methods: POST, route: "/admin/products/export" },
  { methods: POST, route: "/admin/products/import*" },
  { methods: POST, route: "/admin/products/imports*" },
  { methods: POST, route: "/admin/products/:id/images/:image_id/variants/batch" },
  { methods: POST, route: "/admin/products/:id/variants/:variant_id/images/batch" },
  { methods: POST, route: "/admin/products/:id/variants/inventory-items/batch" },
  { methods: POST, route: "/admin/inventory-items" }, // no core hook ties a bare item to a vendor: items come with variants
  { methods: POST, route: "/admin/inventory-items/export" },
  { methods: POST, route: "/admin/orders/export" },
  { methods: POST, route: "/admin/orders/:id/credit-lines" },
  { methods: POST, route: "/admin/orders/:id/payment-sessions/authorize" },
  { methods: POST, route: "/admin/orders/:id/transfer*" },
  // Which shop an order is of: the platform admins' order widget (a vendor sees only its own orders anyway).
  { methods: GET, route: "/admin/orders/:id/vendor" },
  { methods: POST, route: "/admin/customers/:id/customer-groups" },
  { methods: ["GET", "DELETE"], route: "/admin/uploads/:id" },
  // Payments: the list (not needed by the order page), a collection made, changed or removed by hand.
  { methods: GET, route: "/admin/payments" },
  { methods: POST, route: "/admin/payment-collections" },
  { methods: DELETE, route: "/admin/payment-collections/:id" },
  { methods: POST, route: "/admin/payment-collections/:id/payment-sessions" },
  // Shipping options are made with the shop (provisioning); changing them is the platform's for now.
  { methods: POST, route: "/admin/shipping-options" },
  { methods: ["POST", "DELETE"], route: "/admin/shipping-options/:id" },
  { methods: POST, route: "/admin/shipping-options/:id/rules/batch" },
]
