import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { publishStagedProductsWorkflow } from "../../../../workflows/marketplace/workflows/publish-staged-products"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import type { AdminPublishType } from "./validators"

/** Staged items per publishing workflow: each chunk is created (or compensated) whole. */
export const PUBLISH_CHUNK = 100

/**
 * Publishes staged items — by ids, by filter, or (neither) the selected ones —
 * into the vendor's catalog, after saving the overrides sent along. In chunks;
 * answers what was created, updated and skipped.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPublishType> & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const { ids, filter, overrides } = req.validatedBody
  await marketplace.saveOverrides(vendorId, overrides ?? {})
  const { rows } = await marketplace.searchStagedProducts(vendorId, { ...(ids ? { ids } : filter ?? { selected: true }), gone: false }, {
    offset: 0,
    limit: 100_000,
    order: { field: "external_id", direction: "asc" },
  })
  // A group's items go in the same chunk, so a product is made with all its variants.
  const byGroup = new Map<string, string[]>()
  for (const row of rows) {
    const key = row.group_id ?? `id:${row.external_id}`
    byGroup.set(key, [...(byGroup.get(key) ?? []), row.id])
  }
  const chunks: string[][] = [[]]
  for (const members of byGroup.values()) {
    if (chunks[chunks.length - 1].length + members.length > PUBLISH_CHUNK && chunks[chunks.length - 1].length) {
      chunks.push([])
    }
    chunks[chunks.length - 1].push(...members)
  }
  const total = { created: 0, updated: 0, published_items: 0, skipped: [] as { staged_id: string; reason: string }[] }
  for (const staged_ids of chunks.filter((c) => c.length)) {
    const { result } = await publishStagedProductsWorkflow(req.scope).run({ input: { vendor_id: vendorId, staged_ids } })
    total.created += result.created
    total.updated += result.updated
    total.published_items += result.published_items
    total.skipped.push(...result.skipped)
  }
  res.json(total)
}
