import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { cachedResolution } from "../../lib/vendor-resolution-cache"
import { TENANCY_MODULE } from "../../modules/tenancy"
import { loadVendorScope, type VendorScope } from "./context"
import { applyScopeFilter, assertWithin, owns } from "./ownership"
import type { Method } from "./policy"
import { matchRoute, requestPath } from "./route-match"
import { shopTaxonomyIds } from "./shop-taxonomy"
import { STORE_POLICY } from "./store-policy"

type StoreRequest = MedusaRequest & {
  publishable_key_context?: { sales_channel_ids: string[] }
  auth_context?: { actor_id?: string; actor_type?: string }
  shop?: VendorScope
}

/** The vendor whose webshop a publishable key opens (null for the platform's key). */
async function shopOfKey(req: StoreRequest): Promise<VendorScope | null> {
  const [salesChannelId] = req.publishable_key_context?.sales_channel_ids ?? []
  if (!salesChannelId) {
    return null
  }
  const vendorId = await cachedResolution(req.scope.resolve(Modules.CACHE), `channel:${salesChannelId}`, async () => {
    const [row] = await req.scope
      .resolve(ContainerRegistrationKeys.LINK)
      .list({ [TENANCY_MODULE]: { vendor_id: { $ne: null } }, [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId } })
    return (row as { vendor_id?: string } | undefined)?.vendor_id ?? null
  })
  return vendorId ? loadVendorScope(req, vendorId) : null
}

/**
 * The tenancy guard for /store/*: the publishable key's vendor scopes every
 * route. Runs after Medusa's publishable-key check and before its validators.
 */
export async function storeTenancyGuard(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await decide(req as StoreRequest)
    next()
  } catch (e) {
    next(e)
  }
}

async function decide(req: StoreRequest) {
  const path = requestPath(req.originalUrl)
  const match = matchRoute(STORE_POLICY, req.method as Method, path)
  if (!match) {
    // Deny by default: a store route nobody classified answers for no shop.
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `${req.method} ${path} is not open to shops.`)
  }
  const { rule, customer } = match.entry
  if (rule.scope === "public") {
    return
  }
  const shop = await shopOfKey(req)
  if (!shop) {
    throw maartError("FORBIDDEN", ErrorCodes.SHOP_KEY_REQUIRED, "Use the publishable key of a shop for this route.")
  }
  if (shop.status === "suspended") {
    throw maartError("FORBIDDEN", ErrorCodes.VENDOR_SUSPENDED, "This shop is closed at the moment.")
  }
  if (shop.status !== "active") {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, "This shop is not open yet.")
  }
  req.shop = shop

  if (customer && req.auth_context?.actor_type === "customer" && req.auth_context.actor_id) {
    await assertCustomerOfShop(req, shop, req.auth_context.actor_id)
  }
  if (rule.scope === "taxonomy") {
    const allowed = await shopTaxonomyIds(req, shop, rule.of)
    if (match.params.id === undefined) {
      applyScopeFilter(req.query, { id: allowed })
    } else if (!allowed.includes(match.params.id)) {
      throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No ${rule.of.replace(/_/g, " ")} ${match.params.id}.`)
    }
  }
  if (rule.scope === "owned") {
    for (const [param, resource] of Object.entries(rule.params)) {
      if (!(await owns(req, shop, resource, match.params[param]))) {
        throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No ${resource.replace(/_/g, " ")} ${match.params[param]}.`)
      }
    }
  }
  if (rule.scope === "create") {
    const body = (req.body ?? {}) as Record<string, unknown>
    for (const ref of rule.refs) {
      const source = ref.in === "body" ? body : (req.query as Record<string, unknown>)
      if (ref.resource === "sales_channel") {
        // A cart is always created in the shop's own channel.
        source[ref.field] ??= shop.sales_channel_id
        assertWithin(source[ref.field], [shop.sales_channel_id], ref.field)
      } else if (typeof source[ref.field] === "string" && !(await owns(req, shop, ref.resource, source[ref.field] as string))) {
        throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No ${ref.resource.replace(/_/g, " ")} ${source[ref.field]}.`)
      }
    }
  }
}

/**
 * A customer account belongs to one shop: registration (shop-emailpass,
 * createShopCustomerAccountWorkflow) links it to its shop. One with no shop yet
 * (made outside the Store API, e.g. by a platform admin) is bound to the shop it
 * first acts in; every other shop treats it as a stranger.
 */
async function assertCustomerOfShop(req: StoreRequest, shop: VendorScope, customerId: string) {
  const link = req.scope.resolve(ContainerRegistrationKeys.LINK)
  const rows = await link.list({ [TENANCY_MODULE]: { vendor_id: { $ne: null } }, [Modules.CUSTOMER]: { customer_id: customerId } })
  const boundTo = (rows as { vendor_id: string }[]).map((r) => r.vendor_id)
  if (!boundTo.length) {
    await link.create({ [TENANCY_MODULE]: { vendor_id: shop.vendor_id }, [Modules.CUSTOMER]: { customer_id: customerId } })
    return
  }
  if (!boundTo.includes(shop.vendor_id)) {
    throw maartError("UNAUTHORIZED", ErrorCodes.CUSTOMER_OF_ANOTHER_SHOP, "This account belongs to another shop.")
  }
}
