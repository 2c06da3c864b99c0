import type { Method } from "./policy"
import type { Resource } from "./ownership"
import type { Taxonomy } from "./shop-taxonomy"

/**
 * THE STORE POLICY: the publishable key's vendor scopes every /store route
 * (design.md §2). Medusa already limits the catalog (products, variants,
 * search) to the key's sales channel; Maart adds the rest. Rules:
 *
 * - public   any publishable key, the platform's included (finding the shop, regions…)
 * - shop     a vendor's key for an open shop; Medusa's own sales-channel scoping applies
 * - taxonomy categories and collections: only those the shop's products use
 * - owned    every id in the path must belong to the key's shop, else 404
 * - create   body references (cart_id, sales_channel_id) must be the shop's own
 *
 * `customer: true` routes act for a signed-in customer: one bound to another shop is refused.
 */
export type StoreRule =
  | { scope: "public" }
  | { scope: "shop" }
  // Shared taxonomy, narrowed to what the shop's products use (lists filtered, other ids 404).
  | { scope: "taxonomy"; of: Taxonomy }
  | { scope: "owned"; params: Record<string, Resource> }
  | { scope: "create"; refs: { in: "body" | "query"; field: string; resource: Resource }[] }

export type StorePolicyEntry = { methods: Method[]; route: string; rule: StoreRule; customer?: boolean }

const GET: Method[] = ["GET"]
const POST: Method[] = ["POST"]
const pub = (route: string): StorePolicyEntry => ({ methods: GET, route, rule: { scope: "public" } })
const shop = (route: string, methods: Method[] = GET): StorePolicyEntry => ({ methods, route, rule: { scope: "shop" } })
const cart = (route: string, methods: Method[] = POST): StorePolicyEntry => ({ methods, route, rule: { scope: "owned", params: { id: "cart" } } })

export const STORE_POLICY: StorePolicyEntry[] = [
  // Finding the shop and the platform's configuration.
  pub("/store/vendors/resolve"),
  pub("/store/regions"),
  pub("/store/regions/:id"),
  pub("/store/currencies"),
  pub("/store/currencies/:code"),
  pub("/store/locales"),
  pub("/store/return-reasons"),
  pub("/store/return-reasons/:id"),
  pub("/store/payment-providers"),

  // Catalog: Medusa scopes products, variants and search by the key's sales channel;
  // categories and collections are narrowed to the shop's; tags, types and options are shared.
  shop("/store/products"),
  shop("/store/products/:id"),
  shop("/store/product-variants"),
  shop("/store/product-variants/:id"),
  shop("/store/search", POST),
  // Maart's product search (docs/search.md): the key's shop, vendor filter set from the guard's shop.
  shop("/store/search/products"),
  { methods: GET, route: "/store/product-categories", rule: { scope: "taxonomy", of: "product_category" } },
  { methods: GET, route: "/store/product-categories/:id", rule: { scope: "taxonomy", of: "product_category" } },
  { methods: GET, route: "/store/collections", rule: { scope: "taxonomy", of: "product_collection" } },
  { methods: GET, route: "/store/collections/:id", rule: { scope: "taxonomy", of: "product_collection" } },
  shop("/store/product-tags"),
  shop("/store/product-tags/:id"),
  shop("/store/product-types"),
  shop("/store/product-types/:id"),
  shop("/store/product-options"),
  shop("/store/product-options/:id"),

  // Carts live in the shop's sales channel.
  // Signed in, Medusa makes the cart the customer's: only this shop's customer may be.
  { methods: POST, route: "/store/carts", rule: { scope: "create", refs: [{ in: "body", field: "sales_channel_id", resource: "sales_channel" }] }, customer: true },
  cart("/store/carts/:id", ["GET", "POST"]),
  cart("/store/carts/:id/line-items"),
  cart("/store/carts/:id/line-items/:line_id", ["POST", "DELETE"]),
  cart("/store/carts/:id/promotions", ["POST", "DELETE"]),
  cart("/store/carts/:id/shipping-methods"),
  cart("/store/carts/:id/taxes"),
  cart("/store/carts/:id/complete"),
  { ...cart("/store/carts/:id/customer"), customer: true },
  { methods: GET, route: "/store/shipping-options", rule: { scope: "create", refs: [{ in: "query", field: "cart_id", resource: "cart" }] } },
  { methods: POST, route: "/store/shipping-options/:id/calculate", rule: { scope: "create", refs: [{ in: "body", field: "cart_id", resource: "cart" }] } },
  { methods: POST, route: "/store/payment-collections", rule: { scope: "create", refs: [{ in: "body", field: "cart_id", resource: "cart" }] } },
  { methods: POST, route: "/store/payment-collections/:id/payment-sessions", rule: { scope: "owned", params: { id: "payment_collection" } } },

  // Orders and returns.
  { methods: GET, route: "/store/orders", rule: { scope: "shop" }, customer: true },
  { methods: GET, route: "/store/orders/:id", rule: { scope: "owned", params: { id: "order" } } },
  { methods: POST, route: "/store/orders/:id/transfer/request", rule: { scope: "owned", params: { id: "order" } }, customer: true },
  { methods: POST, route: "/store/orders/:id/transfer/accept", rule: { scope: "owned", params: { id: "order" } }, customer: true },
  { methods: POST, route: "/store/orders/:id/transfer/decline", rule: { scope: "owned", params: { id: "order" } }, customer: true },
  { methods: POST, route: "/store/orders/:id/transfer/cancel", rule: { scope: "owned", params: { id: "order" } }, customer: true },
  { methods: POST, route: "/store/returns", rule: { scope: "create", refs: [{ in: "body", field: "order_id", resource: "order" }] } },

  // Customer accounts (per shop: see docs/tenancy.md).
  { methods: POST, route: "/store/customers", rule: { scope: "shop" } },
  { methods: ["GET", "POST"], route: "/store/customers/me", rule: { scope: "shop" }, customer: true },
  { methods: ["GET", "POST"], route: "/store/customers/me/addresses", rule: { scope: "shop" }, customer: true },
  { methods: ["GET", "POST", "DELETE"], route: "/store/customers/me/addresses/:address_id", rule: { scope: "shop" }, customer: true },
]
