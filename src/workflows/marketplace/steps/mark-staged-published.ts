import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

type Mark = { id: string; published_product_id: string | null; published_hash: string | null; upstream_changed_at: Date | null }

export const markStagedPublishedStepId = "mark-staged-published"

/**
 * Records which product each staged item became, and the feed data it was
 * published with (so later feed changes show as upstream changes). Compensation
 * puts the previous marks back.
 */
export const markStagedPublishedStep = createStep(
  markStagedPublishedStepId,
  async (marks: { id: string; product_id: string; hash: string }[], { container }) => {
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const before = (await marketplace.listStagedProducts({ id: marks.map((m) => m.id) }, {
      select: ["id", "published_product_id", "published_hash", "upstream_changed_at"],
    })) as Mark[]
    await marketplace.markStagedPublished(marks)
    return new StepResponse(marks.length, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).updateStagedProducts(before)
  }
)
