import { FAKE_STRIPE_KEY, FAKE_WEBHOOK_SECRET, useFakeStripe } from "../../../../integration-tests/helpers/fake-stripe"
import StripeConnectProviderService, { CONNECTED_ACCOUNT_KEY } from "../service"

const stripe = useFakeStripe()

const provider = (platformFeePercent = 0) =>
  new StripeConnectProviderService({}, { apiKey: FAKE_STRIPE_KEY, webhookSecret: FAKE_WEBHOOK_SECRET, apiBase: stripe.url, platformFeePercent })

const initiate = (p: StripeConnectProviderService, session: string, data: Record<string, unknown> = {}) =>
  p.initiatePayment({ amount: 29.25, currency_code: "eur", data: { ...data, session_id: session }, context: { idempotency_key: session } })

const sent = (session: string) => stripe.to("POST", "/v1/payment_intents").filter((r) => r.params.metadata?.session_id === session)

describe("Stripe Connect provider against the fake Stripe API", () => {
  it("creates a destination charge on the connected account with the platform's fee", async () => {
    const result = await initiate(provider(10), "payses_fee", { [CONNECTED_ACCOUNT_KEY]: "acct_1Fee" })
    expect(sent("payses_fee")[0].params).toMatchObject({
      amount: "2925",
      currency: "eur",
      capture_method: "manual",
      transfer_data: { destination: "acct_1Fee" },
      on_behalf_of: "acct_1Fee",
      application_fee_amount: "292", // 10 % of 2,925 cents, rounded down
    })
    expect(result).toMatchObject({ id: expect.stringMatching(/^pi_/), status: "pending" })
  })

  it("makes a plain platform intent without an account, or with a malformed one", async () => {
    await initiate(provider(10), "payses_plain")
    await initiate(provider(10), "payses_malformed", { [CONNECTED_ACCOUNT_KEY]: "acct_x; drop" })
    for (const session of ["payses_plain", "payses_malformed"]) {
      const { params } = sent(session)[0]
      expect([params.transfer_data, params.on_behalf_of, params.application_fee_amount]).toEqual([undefined, undefined, undefined])
    }
  })

  it("is retried safely: the same idempotency key gets the same intent", async () => {
    const p = provider()
    const first = await initiate(p, "payses_retry", { [CONNECTED_ACCOUNT_KEY]: "acct_1Retry" })
    const second = await initiate(p, "payses_retry", { [CONNECTED_ACCOUNT_KEY]: "acct_1Retry" })
    expect(second.id).toBe(first.id)
    expect([...stripe.intents.values()].filter((i) => i.metadata.session_id === "payses_retry")).toHaveLength(1)
  })

  it("refuses a platform fee outside 0–100 %", () => {
    expect(() => StripeConnectProviderService.validateOptions({ apiKey: "sk", webhookSecret: "wh", platformFeePercent: 150 })).toThrow(/platformFeePercent/)
  })
})
