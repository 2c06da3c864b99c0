import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { STRIPE_ACCOUNT_PATTERN } from "../../../modules/stripe-connect"

export const validateStripeAccountStepId = "validate-stripe-account"

/** Refuses a Stripe Connect account id that is not `acct_` + letters and digits (null clears it). */
export const validateStripeAccountStep = createStep(validateStripeAccountStepId, async (input: { stripe_account_id?: string | null }) => {
  const account = input.stripe_account_id
  if (typeof account === "string" && !STRIPE_ACCOUNT_PATTERN.test(account)) {
    throw maartError(
      "INVALID_DATA",
      ErrorCodes.STRIPE_ACCOUNT_INVALID,
      `"${account}" is not a Stripe connected account id: it looks like acct_1A2b3C (Stripe dashboard › Connect).`,
      { field: "stripe_account_id" }
    )
  }
  return new StepResponse(undefined)
})
