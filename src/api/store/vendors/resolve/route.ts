import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cachedResolution } from "../../../../lib/vendor-resolution-cache"
import { TENANCY_MODULE } from "../../../../modules/tenancy"
import { normalizeHandle, normalizeHost } from "../../../../modules/tenancy/handles"
import type TenancyModuleService from "../../../../modules/tenancy/service"
import type { StoreResolveVendorParamsType } from "../validators"
import { ErrorCodes, maartError } from "../../../../lib/errors"

const PUBLIC_FIELDS = [
  "id",
  "handle",
  "name",
  "status",
  "default_language",
  "languages",
  "theme",
  "sales_channel.id",
  "api_key.token",
  "api_key.revoked_at",
]

/**
 * GET /store/vendors/resolve?host=… | ?handle=… — which shop a storefront
 * request is for: the vendor's public profile and the publishable key to use
 * for the rest of the request. Unknown (or not yet open) → 404
 * VENDOR_NOT_FOUND; suspended → 403 VENDOR_SUSPENDED.
 */
export async function GET(req: MedusaRequest<unknown, StoreResolveVendorParamsType>, res: MedusaResponse) {
  const { host, handle } = req.validatedQuery as StoreResolveVendorParamsType
  const tenancy = req.scope.resolve<TenancyModuleService>(TENANCY_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const shop = await cachedResolution(req.scope.resolve(Modules.CACHE), host ? `host:${normalizeHost(host)}` : `handle:${normalizeHandle(handle!)}`, async () => {
    const match = await tenancy.matchHost({ host, handle })
    if (!match) {
      return null
    }
    const {
      data: [vendor],
    } = await query.graph({ entity: "vendor", fields: PUBLIC_FIELDS, filters: { id: match.vendor_id } })
    return vendor ? { ...vendor, matched_by: match.matched_by } : null
  })

  if (!shop || shop.status === "pending") {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `No shop answers at ${host ?? `/vendors/${handle}`}.`)
  }
  if (shop.status === "suspended") {
    throw maartError("FORBIDDEN", ErrorCodes.VENDOR_SUSPENDED, `${shop.name} is closed at the moment.`)
  }
  res.json({
    vendor: {
      id: shop.id,
      handle: shop.handle,
      name: shop.name,
      default_language: shop.default_language,
      languages: shop.languages,
      theme: shop.theme ?? {},
      sales_channel_id: shop.sales_channel?.id,
      publishable_key: shop.api_key?.revoked_at ? null : shop.api_key?.token,
      matched_by: shop.matched_by,
    },
  })
}
