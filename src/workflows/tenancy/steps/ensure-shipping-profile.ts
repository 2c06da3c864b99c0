import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const ensureShippingProfileStepId = "ensure-default-shipping-profile"

/**
 * The platform's default shipping profile that vendors' shipping options use;
 * created on first need. Compensation removes it only if this run created it.
 */
export const ensureShippingProfileStep = createStep(
  ensureShippingProfileStepId,
  async (_: void, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
    if (profile) {
      return new StepResponse(profile, {} as { createdId?: string })
    }
    const created = await fulfillment.createShippingProfiles({ name: "Default Shipping Profile", type: "default" })
    return new StepResponse(created, { createdId: created.id })
  },
  async (undo, { container }) => {
    if (!undo?.createdId) {
      return
    }
    await container.resolve(Modules.FULFILLMENT).deleteShippingProfiles([undo.createdId])
  }
)
