import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { TENANCY_MODULE } from "../../modules/tenancy"
import type { VendorScope } from "./context"

/** The vendor-owned records the policy table checks by id. */
export type Resource =
  | "product"
  | "product_variant"
  | "inventory_item"
  | "inventory_level"
  | "customer"
  | "stock_location"
  | "sales_channel"
  | "order"
  | "reservation"
  | "cart"
  | "payment_collection"
  | "payment"
  | "fulfillment"
  | "return"
  | "shipping_option"
  | "membership"
  | "team_role"
  | "team_invite"
  | "import_job"
  | "staged_product"
  | "publish_job"
  | "media_file"

// Records owned through a module link vendor ↔ record.
const LINKED: Partial<Record<Resource, { module: string; key: string }>> = {
  product: { module: Modules.PRODUCT, key: "product_id" },
  inventory_item: { module: Modules.INVENTORY, key: "inventory_item_id" },
  customer: { module: Modules.CUSTOMER, key: "customer_id" },
}

// Records owned through a field pointing at something the vendor owns; with several
// fields, the first one the record has decides.
const THROUGH: Partial<Record<Resource, { entity: string; field: string | string[]; owner: Resource }>> = {
  order: { entity: "order", field: "sales_channel_id", owner: "sales_channel" },
  reservation: { entity: "reservation", field: "location_id", owner: "stock_location" },
  inventory_level: { entity: "inventory_level", field: "location_id", owner: "stock_location" },
  product_variant: { entity: "variant", field: "product_id", owner: "product" },
  cart: { entity: "cart", field: "sales_channel_id", owner: "sales_channel" },
  // A checkout's collection hangs off its cart (and, once completed, its order); one made later for an
  // order (an outstanding amount) only off the order.
  payment_collection: { entity: "payment_collection", field: ["cart.sales_channel_id", "order.sales_channel_id"], owner: "sales_channel" },
  payment: {
    entity: "payment",
    field: ["payment_collection.order.sales_channel_id", "payment_collection.cart.sales_channel_id"],
    owner: "sales_channel",
  },
  fulfillment: { entity: "fulfillment", field: "order.sales_channel_id", owner: "sales_channel" },
  return: { entity: "return", field: "order.sales_channel_id", owner: "sales_channel" },
  // A shipping option belongs to the warehouse whose fulfillment set it serves.
  shipping_option: { entity: "shipping_option", field: "service_zone.fulfillment_set.location.id", owner: "stock_location" },
}

// Maart's own records that carry their vendor in a column.
const VENDOR_COLUMN: Partial<Record<Resource, string>> = {
  membership: "membership",
  team_role: "team_role",
  team_invite: "team_invite",
  import_job: "import_job",
  staged_product: "staged_product",
  publish_job: "publish_job",
  media_file: "media_file",
}

const NONE = "__none__" // an id no record has: an empty filter must match nothing, not everything

/** Does the vendor own this record? Records of other vendors and unknown ids alike answer false. */
export async function owns(req: MedusaRequest, scope: VendorScope, resource: Resource, id: string): Promise<boolean> {
  if (resource === "stock_location") {
    return scope.stock_location_ids.includes(id)
  }
  if (resource === "sales_channel") {
    return !!scope.sales_channel_id && id === scope.sales_channel_id
  }
  const entity = VENDOR_COLUMN[resource]
  if (entity) {
    const { data } = await req.scope
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity, fields: ["id"], filters: { id, vendor_id: scope.vendor_id } })
    return data.length > 0
  }
  const linked = LINKED[resource]
  if (linked) {
    const rows = await req.scope
      .resolve(ContainerRegistrationKeys.LINK)
      .list({ [TENANCY_MODULE]: { vendor_id: scope.vendor_id }, [linked.module]: { [linked.key]: id } })
    return rows.length > 0
  }
  const through = THROUGH[resource]!
  const fields = ([] as string[]).concat(through.field)
  const {
    data: [row],
  } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: through.entity, fields: ["id", ...fields], filters: { id } })
  // `cart.id`: a field of a linked record (a list link yields its first record).
  const ownerId = fields
    .map((field) => field.split(".").reduce<any>((value, key) => (Array.isArray(value) ? value[0] : value)?.[key], row) as string | undefined)
    .find(Boolean)
  return !!ownerId && owns(req, scope, through.owner, ownerId)
}

/** The ids of a linked resource the vendor owns (for list filters), read from the link table. */
export async function ownedIds(req: MedusaRequest, scope: VendorScope, resource: "customer" | "product" | "inventory_item") {
  const { module, key } = LINKED[resource]!
  const rows = await req.scope
    .resolve(ContainerRegistrationKeys.LINK)
    .list({ [TENANCY_MODULE]: { vendor_id: scope.vendor_id }, [module]: { [key]: { $ne: null } } })
  return nonEmpty(rows.map((row: Record<string, string>) => row[key]))
}

export const nonEmpty = (ids: (string | null | undefined)[]) => {
  const present = ids.filter((id): id is string => !!id)
  return present.length ? present : [NONE]
}

/**
 * Writes a vendor filter into a query: where the client filtered the same
 * field, only its values inside the vendor's scope remain (it may narrow,
 * never widen); elsewhere the vendor's values are the filter.
 */
export function applyScopeFilter(query: Record<string, unknown>, filter: Record<string, unknown>) {
  for (const [field, allowed] of Object.entries(filter)) {
    const asked = query[field]
    if (Array.isArray(allowed) && (typeof asked === "string" || Array.isArray(asked))) {
      query[field] = nonEmpty(([] as unknown[]).concat(asked).filter((v): v is string => allowed.includes(v)))
    } else {
      query[field] = allowed
    }
  }
}

/** Refuses a reference (sales channel, location…) the vendor does not own: mass assignment. */
export function assertWithin(values: unknown, allowed: (string | null)[], field: string) {
  const list = (Array.isArray(values) ? values : values === undefined || values === null ? [] : [values]).map((v) =>
    typeof v === "object" && v !== null ? (v as { id?: string }).id : v
  )
  const outside = list.filter((v) => !allowed.includes(v as string))
  if (outside.length) {
    throw maartError("FORBIDDEN", ErrorCodes.OUTSIDE_VENDOR_SCOPE, `${field} ${outside.join(", ")} is not yours.`, {
      field,
    })
  }
}
