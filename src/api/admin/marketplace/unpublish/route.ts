import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import type { AdminUnpublishType } from "../publish/validators"

/**
 * Takes published feed items off the shop: their products go back to draft
 * (kept, with their orders' history); publishing them again brings them back.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUnpublishType> & TenantRequest, res: MedusaResponse) {
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const staged = await marketplace.listStagedProducts({ id: req.validatedBody.ids, vendor_id: activeVendorId(req), published_product_id: { $ne: null } }, {
    select: ["published_product_id"],
  })
  const productIds = [...new Set(staged.map((s) => s.published_product_id!))]
  if (productIds.length) {
    await updateProductsWorkflow(req.scope).run({ input: { selector: { id: productIds }, update: { status: "draft" } } })
  }
  res.json({ unpublished_products: productIds.length })
}
