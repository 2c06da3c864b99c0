import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ApiKeyType, ContainerRegistrationKeys, Modules, PUBLISHABLE_KEY_HEADER } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { SHOP_AUTH_PROVIDER, SHOP_HEADER, shopEntityId } from "../../modules/shop-auth"
import { TENANCY_MODULE } from "../../modules/tenancy"
import { loadVendorScope } from "../tenancy/context"
import { requestPath } from "../tenancy/route-match"

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The open shop whose publishable key the request carries; /auth routes get no publishable-key check of Medusa's. */
export async function openShopOfKey(req: MedusaRequest): Promise<string> {
  const token = req.get(PUBLISHABLE_KEY_HEADER)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = token
    ? await query.graph({
        entity: "api_key",
        fields: ["id", "revoked_at", "sales_channels_link.sales_channel_id"],
        filters: { token, type: ApiKeyType.PUBLISHABLE },
      })
    : { data: [] }
  const key = keys.find((k) => !k.revoked_at || new Date(k.revoked_at) > new Date())
  const channelIds = (key?.sales_channels_link ?? []).flatMap((l) => (l?.sales_channel_id ? [l.sales_channel_id] : []))
  const [row] = channelIds.length
    ? await req.scope
        .resolve(ContainerRegistrationKeys.LINK)
        .list({ [TENANCY_MODULE]: { vendor_id: { $ne: null } }, [Modules.SALES_CHANNEL]: { sales_channel_id: channelIds } })
    : []
  const scope = row ? await loadVendorScope(req, (row as { vendor_id: string }).vendor_id) : null
  if (!scope) {
    throw maartError("FORBIDDEN", ErrorCodes.SHOP_KEY_REQUIRED, "Customer accounts belong to a shop: send the shop's publishable key.")
  }
  if (scope.status === "suspended") {
    throw maartError("FORBIDDEN", ErrorCodes.VENDOR_SUSPENDED, "This shop is closed at the moment.")
  }
  if (scope.status !== "active") {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, "This shop is not open yet.")
  }
  return scope.vendor_id
}

/**
 * Tells the shop-emailpass provider which shop a customer signs in, registers or resets at: the
 * publishable key's. The header is removed from every /auth request first, so a client cannot name
 * a shop itself; the path is parsed here (decoded, like the router's params) rather than matched,
 * so `shop-emailp%61ss` is caught too. A reset asks for the email: it becomes the shop's identity.
 */
async function shopOfAuthRequest(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    delete req.headers[SHOP_HEADER]
    const [, , actorType, provider, action] = requestPath(req.originalUrl).split("/").map(decoded)
    if (actorType !== "customer" || provider !== SHOP_AUTH_PROVIDER) {
      return next()
    }
    const vendorId = await openShopOfKey(req)
    req.headers[SHOP_HEADER] = vendorId
    if (action === "reset-password") {
      for (const body of [req.body, (req as MedusaRequest & { validatedBody?: unknown }).validatedBody] as Record<string, unknown>[]) {
        if (body && typeof body.identifier === "string") {
          body.identifier = shopEntityId(vendorId, body.identifier)
        }
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}

export const shopAuthMiddlewares: MiddlewareRoute[] = [{ matcher: "/auth*", middlewares: [shopOfAuthRequest] }]
