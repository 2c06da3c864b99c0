import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { SHOP_AUTH_PROVIDER, shopEntityId } from "../../../modules/shop-auth"

export type ValidateShopCustomerIdentityInput = { vendor_id: string; auth_identity_id: string; email: string }

export const validateShopCustomerIdentityStepId = "validate-shop-customer-identity"

/**
 * The registration token must be this shop's shop-emailpass identity for this email: an identity of
 * another shop (or address) cannot open an account here. Returns the customer the identity already
 * has (a retried registration), or null.
 */
export const validateShopCustomerIdentityStep = createStep(
  validateShopCustomerIdentityStepId,
  async (input: ValidateShopCustomerIdentityInput, { container }) => {
    const identity = await container
      .resolve(Modules.AUTH)
      .retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] })
      .catch((e: MedusaError) => (e.type === MedusaError.Types.NOT_FOUND ? null : Promise.reject(e)))
    const entityId = input.email && shopEntityId(input.vendor_id, input.email)
    if (!entityId || !identity?.provider_identities?.some((p) => p.provider === SHOP_AUTH_PROVIDER && p.entity_id === entityId)) {
      throw maartError(
        "NOT_ALLOWED",
        ErrorCodes.CUSTOMER_IDENTITY_MISMATCH,
        `Register with ${SHOP_AUTH_PROVIDER} at this shop, with the same email, before creating the account.`
      )
    }
    const existing = identity.app_metadata?.customer_id
    return new StepResponse(typeof existing === "string" ? existing : null)
  }
)
