import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"

/** One staged product with every language's texts, its typed fields and the raw rows as read. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const staged = await req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).retrieveStagedProduct(req.params.id)
  const { raw_price_amount, seen_runs, deleted_at, ...rest } = staged as typeof staged & { raw_price_amount?: unknown }
  res.json({ staged_product: { ...rest, price_amount: rest.price_amount === null ? null : Number(rest.price_amount) } })
}
