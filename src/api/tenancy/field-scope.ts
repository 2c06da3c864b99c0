import { ErrorCodes, maartError } from "../../lib/errors"

/**
 * `?fields=` lets a client expand relations. From a vendor's own record that is
 * fine (`*variants.inventory_items`), but a path that passes through a record
 * vendors share (a category, a collection, a customer known to several shops…)
 * and then reaches records vendors own would show other vendors' data
 * (`*categories.products`, `*customer.orders`). Such paths are refused.
 */
const SHARED = new Set([
  "categories", "category", "parent_category", "category_children", "collection", "collections", "tags", "tag",
  "type", "types", "region", "regions", "store", "stores", "customer", "customers", "groups", "customer_groups",
  "price_list", "price_lists", "promotions", "users", "user",
])
const OWNED = new Set([
  "products", "product", "variants", "variant", "orders", "order", "carts", "cart", "items", "inventory_items",
  "inventory_item", "reservations", "fulfillments", "returns", "claims", "exchanges", "payment_collections",
  "payments", "sales_channels", "stock_locations", "location_levels",
])

/** Throws when a requested field path reaches vendor-owned records through shared ones. `sharedRoot`: the route's own entity is shared. */
export function assertFieldsInScope(fields: unknown, sharedRoot: boolean) {
  if (typeof fields !== "string" || !fields) {
    return
  }
  for (const raw of fields.split(",")) {
    const segments = raw.trim().replace(/^[+\-*]+/, "").split(".").map((s) => s.replace(/^\*/, ""))
    let shared = sharedRoot
    // The last segment of "a.b.c" is a column unless starred; every earlier one is a relation.
    for (const segment of segments) {
      if (shared && OWNED.has(segment)) {
        throw maartError("FORBIDDEN", ErrorCodes.OUTSIDE_VENDOR_SCOPE, `fields=${raw.trim()} would reach other vendors' records.`, { field: "fields" })
      }
      shared ||= SHARED.has(segment)
    }
  }
}
