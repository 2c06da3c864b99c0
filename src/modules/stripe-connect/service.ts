import { createRequire } from "node:module"
import type { InitiatePaymentInput, InitiatePaymentOutput } from "@medusajs/framework/types"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"
import { getSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"

/**
 * The key of a payment session's `data` that carries the shop's connected account (acct_…). Only the
 * server sets it (src/api/store/payment-collections/middlewares.ts, from the publishable key's shop);
 * a value a client sends is overwritten or removed there.
 */
export const CONNECTED_ACCOUNT_KEY = "maart_stripe_account"

export const STRIPE_ACCOUNT_PATTERN = /^acct_[A-Za-z0-9]+$/

export type StripeConnectOptions = StripeOptions & {
  /** e.g. http://127.0.0.1:4242 — another Stripe API endpoint (the tests' fake); unset, api.stripe.com. */
  apiBase?: string
  /** The platform's share of each connected payment, in percent (0 = no application fee). */
  platformFeePercent?: number
}

const CONNECT = Symbol("maart.stripe-connect")

type ConnectParams = { transfer_data: { destination: string }; on_behalf_of: string; application_fee_amount?: number }

// The stripe-node copy @medusajs/payment-stripe is built against (the app's own `stripe` is another major).
const PackageStripe = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe")

/**
 * Medusa's Stripe provider (`pp_stripe_<id>`), extended for Stripe Connect: a payment for a shop whose
 * vendor has a connected account is a destination charge on it — `transfer_data.destination` and
 * `on_behalf_of` are the account, `application_fee_amount` the platform's fee when one is set. Without
 * an account the intent is the platform's own, as with the stock provider. Everything else (capture,
 * refund, cancel, webhooks, account holders) is the package's.
 */
export default class StripeConnectProviderService extends StripeProviderService {
  protected readonly feePercent: number

  static validateOptions(options: StripeConnectOptions) {
    StripeProviderService.validateOptions(options)
    const fee = options.platformFeePercent ?? 0
    if (!Number.isFinite(fee) || fee < 0 || fee >= 100) {
      throw new Error(`Stripe: platformFeePercent must be a number from 0 to below 100, not ${options.platformFeePercent}`)
    }
  }

  constructor(container: Record<string, unknown>, options: StripeConnectOptions) {
    super(container, options)
    this.feePercent = options.platformFeePercent ?? 0
    if (options.apiBase) {
      // The package builds its client without a host; this one differs only in where it sends requests.
      const url = new URL(options.apiBase)
      this.stripe_ = new PackageStripe(options.apiKey, {
        host: url.hostname,
        port: Number(url.port) || (url.protocol === "http:" ? 80 : 443),
        protocol: url.protocol.replace(":", ""),
      })
    }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const account = input.data?.[CONNECTED_ACCOUNT_KEY]
    if (typeof account !== "string" || !STRIPE_ACCOUNT_PATTERN.test(account)) {
      return super.initiatePayment(input)
    }
    const connect: ConnectParams = { transfer_data: { destination: account }, on_behalf_of: account }
    const fee = Math.floor((getSmallestUnit(input.amount, input.currency_code) * this.feePercent) / 100)
    if (fee > 0) {
      connect.application_fee_amount = fee
    }
    // The package builds the intent from normalizePaymentIntentParameters(data): the parameters ride
    // there under a symbol, which no JSON a client sends can carry.
    return super.initiatePayment({ ...input, data: { ...input.data, [CONNECT]: connect } })
  }

  normalizePaymentIntentParameters(extra?: Record<string, unknown>) {
    const params = super.normalizePaymentIntentParameters(extra)
    const connect = (extra as Record<symbol, ConnectParams | undefined> | undefined)?.[CONNECT]
    return connect ? { ...params, ...connect } : params
  }
}

/** A Stripe event from a webhook request, if its `Stripe-Signature` matches the secret (else throws). */
export function verifyStripeEvent(rawBody: Buffer | string, signature: string | string[] | undefined, secret: string) {
  return PackageStripe.webhooks.constructEvent(rawBody, signature, secret) as { id: string; type: string }
}
