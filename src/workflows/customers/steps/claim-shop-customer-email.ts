import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type ClaimShopCustomerEmailInput = { vendor_id: string; email: string; customer_id: string }

export const claimShopCustomerEmailStepId = "claim-shop-customer-email"

/**
 * Takes the email at the shop for a new account: one row per (shop, email) in shop_customer_account,
 * whose primary key Postgres enforces, so of two registrations racing for one address at one shop
 * exactly one wins (tenancy migration Migration20261127213000). The loser's run compensates its customer.
 */
export const claimShopCustomerEmailStep = createStep(
  claimShopCustomerEmailStepId,
  async (input: ClaimShopCustomerEmailInput, { container }) => {
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const claim = { vendor_id: input.vendor_id, email: input.email.trim().toLowerCase(), customer_id: input.customer_id }
    const inserted = await pg("shop_customer_account").insert(claim).onConflict(["vendor_id", "email"]).ignore().returning("customer_id")
    if (!inserted.length) {
      throw maartError("CONFLICT", ErrorCodes.CUSTOMER_EMAIL_TAKEN, "This shop already has an account with this email.")
    }
    return new StepResponse(claim, claim)
  },
  async (claim, { container }) => {
    if (!claim) {
      return
    }
    await container
      .resolve(ContainerRegistrationKeys.PG_CONNECTION)("shop_customer_account")
      .where({ vendor_id: claim.vendor_id, email: claim.email, customer_id: claim.customer_id })
      .delete()
  }
)
