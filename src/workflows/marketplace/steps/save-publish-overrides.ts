import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

export type SavePublishOverridesInput = {
  vendor_id: string
  overrides: Parameters<MarketplaceModuleService["saveOverrides"]>[1]
}

export const savePublishOverridesStepId = "save-publish-overrides"

const FIELDS = ["price_amount", "sale_price_amount", "titles", "descriptions", "status"] as const

/**
 * Saves the overrides sent with a publish request (the vendor's own items only).
 * Compensation puts back what was there: new overrides are deleted, changed ones
 * get their former values.
 */
export const savePublishOverridesStep = createStep(
  savePublishOverridesStepId,
  async (input: SavePublishOverridesInput, { container }) => {
    const ids = Object.keys(input.overrides ?? {})
    if (!ids.length) {
      return new StepResponse(0, null)
    }
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const before = await marketplace.listPublishOverrides({ staged_product_id: ids, vendor_id: input.vendor_id }, { select: ["id", "staged_product_id", ...FIELDS] })
    const saved = await marketplace.saveOverrides(input.vendor_id, input.overrides)
    return new StepResponse(saved, { vendor_id: input.vendor_id, ids, before })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const existed = new Set(undo.before.map((o) => o.staged_product_id))
    const made = await marketplace.listPublishOverrides({ staged_product_id: undo.ids.filter((id) => !existed.has(id)), vendor_id: undo.vendor_id }, { select: ["id"] })
    if (made.length) {
      await marketplace.deletePublishOverrides(made.map((o) => o.id))
    }
    if (undo.before.length) {
      await marketplace.updatePublishOverrides(undo.before.map(({ staged_product_id: _, ...previous }) => previous))
    }
  }
)
