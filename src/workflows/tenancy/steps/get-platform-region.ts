import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export const getPlatformRegionStepId = "get-platform-region"

/** The store's default region: vendors' shipping zones and prices follow it. */
export const getPlatformRegionStep = createStep(getPlatformRegionStepId, async (_: void, { container }) => {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_region_id"] })
  const regionId = store?.default_region_id
  if (!regionId) {
    throw maartError("NOT_ALLOWED", ErrorCodes.PLATFORM_REGION_MISSING, "The platform has no default region yet: create one before vendors.")
  }
  const region = await container
    .resolve(Modules.REGION)
    .retrieveRegion(regionId, { relations: ["countries"] })
  return new StepResponse({
    id: region.id,
    currency_code: region.currency_code,
    country_codes: (region.countries ?? []).map((c) => c.iso_2),
  })
})
