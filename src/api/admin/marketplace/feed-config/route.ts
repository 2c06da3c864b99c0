import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import type { AdminUpdateFeedConfigType } from "./validators"

async function feedConfigOf(req: TenantRequest) {
  const vendorId = activeVendorId(req)
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const [config] = await marketplace.listFeedConfigs({ vendor_id: vendorId })
  return config ?? (await marketplace.createFeedConfigs({ vendor_id: vendorId, urls: {} }))
}

// A removed language is kept as null (the JSON column merges on update): shown without it.
const shown = <T extends { urls: unknown }>(config: T) => ({
  ...config,
  urls: Object.fromEntries(Object.entries(config.urls as Record<string, string | null>).filter(([, url]) => !!url)),
})

/** The vendor's Letzshop feeds (URL per language) and whether the nightly re-import runs them. */
export async function GET(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  res.json({ feed_config: shown(await feedConfigOf(req)) })
}

/** Sets the feed URLs (a language set to null is removed) and the nightly schedule. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateFeedConfigType> & TenantRequest, res: MedusaResponse) {
  const config = await feedConfigOf(req)
  const { urls, schedule_enabled } = req.validatedBody
  const feed_config = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .updateFeedConfigs({ id: config.id, urls: { ...(config.urls as Record<string, string | null>), ...(urls ?? {}) }, ...(schedule_enabled === undefined ? {} : { schedule_enabled }) })
  res.json({ feed_config: shown(feed_config) })
}
