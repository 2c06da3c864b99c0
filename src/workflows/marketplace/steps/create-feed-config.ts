import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

export const createFeedConfigStepId = "create-feed-config"

/** A new vendor's feed configuration (the URLs given at provisioning, if any); compensation deletes it. */
export const createFeedConfigStep = createStep(
  createFeedConfigStepId,
  async (input: { vendor_id: string; urls?: Record<string, string> | null }, { container }) => {
    const config = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createFeedConfigs({ vendor_id: input.vendor_id, urls: input.urls ?? {} })
    return new StepResponse(config, config.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteFeedConfigs(id)
  }
)
