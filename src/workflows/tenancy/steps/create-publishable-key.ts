import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const createPublishableKeyStepId = "create-vendor-publishable-key"

/**
 * The publishable key of a vendor's storefront. Not core's createApiKeysStep:
 * its compensation deletes the key without revoking it first, which the API
 * key module refuses, so a failed provisioning would leave the key behind.
 */
export const createPublishableKeyStep = createStep(
  createPublishableKeyStepId,
  async (input: { title: string; created_by: string }, { container }) => {
    const apiKeys = container.resolve(Modules.API_KEY)
    const key = await apiKeys.createApiKeys({ ...input, type: "publishable" })
    return new StepResponse(key, key.id)
  },
  async (keyId, { container }) => {
    if (!keyId) {
      return
    }
    const apiKeys = container.resolve(Modules.API_KEY)
    await apiKeys.revoke({ id: keyId }, { revoked_by: "create-vendor-compensation" })
    await apiKeys.deleteApiKeys([keyId])
  }
)
