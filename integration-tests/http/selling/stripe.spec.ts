import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { FAKE_WEBHOOK_SECRET, useFakeStripe } from "../../helpers/fake-stripe"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(300 * 1000)

// Before the runner's beforeAll, which loads medusa-config: STRIPE_API_KEY / _BASE / _WEBHOOK_SECRET point at the fake.
const stripe = useFakeStripe()

const STRIPE = "pp_stripe_stripe"
const ACCT_A = "acct_1MaartShopA"
const ACCT_B = "acct_1MaartShopB"

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    let c: Storefront // no connected account
    const variants: Record<string, string> = {}
    const fixtures = checkoutFixtures(api, getContainer)
    const { readyCart, complete } = fixtures
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "stripea")
      b = await fixtures.storefront(platform, "stripeb")
      c = await fixtures.storefront(platform, "stripec")
      for (const shop of [a, b, c]) {
        variants[shop.vendor.id] = (await fixtures.stockedVariant(shop, `${shop.vendor.handle} paid lamp`, 50)).variant.id
      }
      // The runner restores the database to this point before every test: A's Owner and a platform admin
      // connect A and B here (the first test checks these routes); C stays without an account.
      await api.post("/admin/vendor", { stripe_account_id: ACCT_A }, a.headers)
      await api.post(`/admin/vendors/${b.vendor.id}`, { stripe_account_id: ACCT_B }, platform)
    })

    const items = (shop: Storefront) => [{ variant_id: variants[shop.vendor.id], quantity: 2 }]

    /** The cart's payment session (with the intent Medusa keeps in its data). */
    async function sessionOf(shop: Storefront, cartId: string) {
      const { cart } = (await api.get(`/store/carts/${cartId}?fields=id,total,payment_collection.id,*payment_collection.payment_sessions`, shop.key)).data
      return { cart, collectionId: cart.payment_collection.id as string, session: cart.payment_collection.payment_sessions[0] }
    }

    /** The intent-create request Medusa made for a payment session, as the fake received it. */
    const createRequestOf = (sessionId: string) => stripe.to("POST", "/v1/payment_intents").find((r) => r.params.metadata?.session_id === sessionId)!

    /** Cart → Stripe session → the shopper's card confirmed with (fake) Stripe.js → completed. */
    async function stripeOrder(shop: Storefront) {
      const cart = await readyCart(shop, items(shop), { provider_id: STRIPE })
      const { session } = await sessionOf(shop, cart.id)
      expect((await stripe.confirm(session.data.id)).body.status).toBe("requires_capture")
      const res = await complete(shop, cart.id)
      expect([res.status, res.data.type]).toEqual([200, "order"])
      const {
        data: [order],
      } = await query().graph({ entity: "order", fields: ["id", "payment_collections.payments.*"], filters: { id: res.data.order.id } })
      return { cart, session, order, payment: order.payment_collections![0]!.payments![0]!, intentId: session.data.id as string }
    }

    describe("vendor settings: the Stripe Connect account", () => {
      it("is set by the vendor's Owner, checked for form, shown to its team and platform admins, never to the Store API", async () => {
        const bad = await api.post("/admin/vendor", { stripe_account_id: "acct_12-34" }, { ...a.headers, ...anyStatus })
        expect([bad.status, bad.data.code]).toEqual([400, "STRIPE_ACCOUNT_INVALID"])
        const notAnAccount = await api.post("/admin/vendor", { stripe_account_id: "sk_live_123" }, { ...a.headers, ...anyStatus })
        expect([notAnAccount.status, notAnAccount.data.code]).toEqual([400, "STRIPE_ACCOUNT_INVALID"])

        expect((await api.get("/admin/vendor", a.headers)).data.vendor).toMatchObject({ id: a.vendor.id, stripe_account_id: ACCT_A })
        // Each team sees its own vendor.
        expect((await api.get("/admin/vendor", c.headers)).data.vendor).toMatchObject({ id: c.vendor.id, stripe_account_id: null })
        const set = await api.post("/admin/vendor", { stripe_account_id: "acct_1MaartShopC" }, c.headers)
        expect(set.data.vendor).toMatchObject({ id: c.vendor.id, stripe_account_id: "acct_1MaartShopC" })
        expect((await api.post("/admin/vendor", { stripe_account_id: null }, c.headers)).data.vendor.stripe_account_id).toBeNull()

        // A Manager reads it but may not change it (settings.edit is the Owner's).
        const manager = await addMember(api, getContainer(), a.vendor.id, "manager@stripea.test", "manager")
        expect((await api.get("/admin/vendor", manager.headers)).data.vendor.stripe_account_id).toBe(ACCT_A)
        const denied = await api.post("/admin/vendor", { stripe_account_id: ACCT_B }, { ...manager.headers, ...anyStatus })
        expect([denied.status, denied.data.code]).toEqual([403, "PERMISSION_DENIED"])

        // A platform admin sets them through the vendors API and sees them there.
        expect((await api.get(`/admin/vendors/${b.vendor.id}`, platform)).data.vendor.stripe_account_id).toBe(ACCT_B)
        expect((await api.get(`/admin/vendors/${a.vendor.id}`, platform)).data.vendor.stripe_account_id).toBe(ACCT_A)
        const platformBad = await api.post(`/admin/vendors/${b.vendor.id}`, { stripe_account_id: "acct_" }, { ...platform, ...anyStatus })
        expect([platformBad.status, platformBad.data.code]).toEqual([400, "STRIPE_ACCOUNT_INVALID"])

        const resolved = await api.get(`/store/vendors/resolve?handle=${a.vendor.handle}`, a.key)
        expect(resolved.data.vendor.id).toBe(a.vendor.id)
        expect(JSON.stringify(resolved.data)).not.toContain(ACCT_A)
      })
    })

    describe("checkout with Stripe (fake Stripe API)", () => {
      it("offers Stripe in the platform region beside the manual provider", async () => {
        const { payment_providers } = (await api.get(`/store/payment-providers?region_id=${a.region}`, a.key)).data
        expect(payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
      })

      it("completes an order whose intent is made on the vendor's connected account; another shop uses its own", async () => {
        const orderA = await stripeOrder(a)
        const sentA = createRequestOf(orderA.session.id)
        expect(sentA.params).toMatchObject({ transfer_data: { destination: ACCT_A }, on_behalf_of: ACCT_A, capture_method: "manual", currency: "eur" })
        expect(sentA.params.application_fee_amount).toBeUndefined() // PLATFORM_FEE_PERCENT unset: no fee
        expect(Number(sentA.params.amount)).toBe(Math.round(Number(orderA.session.amount) * 100))
        expect(sentA.idempotency_key).toBe(orderA.session.id) // Medusa's key: a retried create is replayed, not duplicated
        expect(orderA.payment).toMatchObject({ provider_id: STRIPE, captured_at: null })
        expect(stripe.intents.get(orderA.intentId)).toMatchObject({ status: "requires_capture", on_behalf_of: ACCT_A, transfer_data: { destination: ACCT_A } })

        const orderB = await stripeOrder(b)
        expect(createRequestOf(orderB.session.id).params).toMatchObject({ transfer_data: { destination: ACCT_B }, on_behalf_of: ACCT_B })
      })

      it("sets the connected account from the shop's key, never from the client", async () => {
        const cart = await readyCart(c, items(c))
        const { collectionId } = await sessionOf(c, cart.id)
        // A shop without an account, a client naming another vendor's: a plain platform intent.
        await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: STRIPE, data: { maart_stripe_account: ACCT_A } }, c.key)
        const { session } = await sessionOf(c, cart.id)
        const sent = createRequestOf(session.id)
        expect(sent.params.transfer_data).toBeUndefined()
        expect(sent.params.on_behalf_of).toBeUndefined()
        expect(session.data.maart_stripe_account).toBeUndefined()

        // At shop A a client naming B's account still pays A.
        const cartA = await readyCart(a, items(a))
        const { collectionId: collectionA } = await sessionOf(a, cartA.id)
        await api.post(`/store/payment-collections/${collectionA}/payment-sessions`, { provider_id: STRIPE, data: { maart_stripe_account: ACCT_B } }, a.key)
        const { session: sessionA } = await sessionOf(a, cartA.id)
        expect(createRequestOf(sessionA.id).params).toMatchObject({ transfer_data: { destination: ACCT_A }, on_behalf_of: ACCT_A })
      })

      it("gives a shop without a connected account a plain platform intent, and completes its order", async () => {
        const order = await stripeOrder(c)
        const sent = createRequestOf(order.session.id)
        expect(sent.params.transfer_data).toBeUndefined()
        expect(sent.params.on_behalf_of).toBeUndefined()
        expect(order.payment.provider_id).toBe(STRIPE)
      })

      it("refuses a declined card (fake Stripe) with a clear error and makes no order", async () => {
        const cart = await readyCart(a, items(a), { provider_id: STRIPE })
        const { session } = await sessionOf(a, cart.id)
        const declined = await stripe.confirm(session.data.id, "pm_card_chargeDeclined")
        expect([declined.status, declined.body.error.code]).toEqual([402, "card_declined"])

        const res = await complete(a, cart.id)
        expect(res.status).toBe(400)
        expect(res.data.code).toBe("PAYMENT_NOT_AUTHORIZED")
        expect(res.data.message).toMatch(/not authorized/i)
        const { data: orders } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart.id } })
        expect(orders).toEqual([])
        const { cart: after } = (await api.get(`/store/carts/${cart.id}?fields=completed_at`, a.key)).data
        expect(after.completed_at).toBeNull()
      })
    })

    describe("capture and refund by the vendor's team (fake Stripe API)", () => {
      it("captures and refunds through Stripe; another vendor gets 404 on the payment", async () => {
        const { payment, intentId } = await stripeOrder(a)
        for (const [method, path, body] of [
          ["get", `/admin/payments/${payment.id}`, undefined],
          ["post", `/admin/payments/${payment.id}/capture`, {}],
          ["post", `/admin/payments/${payment.id}/refund`, { amount: 1 }],
        ] as const) {
          const res = method === "get" ? await api.get(path, { ...b.headers, ...anyStatus }) : await api.post(path, body, { ...b.headers, ...anyStatus })
          expect([path, res.status]).toEqual([path, 404])
        }
        expect(stripe.to("POST", `/v1/payment_intents/${intentId}/capture`)).toEqual([])

        const captured = (await api.post(`/admin/payments/${payment.id}/capture`, {}, a.headers)).data.payment
        expect(captured.captured_at).toBeTruthy()
        expect(stripe.to("POST", `/v1/payment_intents/${intentId}/capture`)).toHaveLength(1)
        expect(stripe.intents.get(intentId)!.status).toBe("succeeded")

        const refunded = (await api.post(`/admin/payments/${payment.id}/refund`, { amount: 5 }, a.headers)).data.payment
        expect(refunded.id).toBe(payment.id)
        expect(stripe.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([500])
        const { data: refunds } = await query().graph({ entity: "refund", fields: ["amount"], filters: { payment_id: payment.id } })
        expect(refunds.map((r) => Number(r.amount))).toEqual([5])
      })
    })

    describe("Stripe webhooks (signed like Stripe, fake Stripe API)", () => {
      const webhookUrl = () => `${api.defaults.baseURL}/hooks/payment/stripe_stripe`

      async function paymentState(paymentId: string) {
        const [payment] = await getContainer().resolve(Modules.PAYMENT).listPayments({ id: paymentId }, { relations: ["captures"] })
        return { captured_at: payment.captured_at, captures: payment.captures?.length ?? 0 }
      }

      it("accepts a signed payment_intent.succeeded once, refuses a badly signed one, and a repeat changes nothing", async () => {
        const { payment, intentId, cart } = await stripeOrder(a)
        // Captured at Stripe, outside Medusa (the dashboard): Stripe tells Medusa by webhook.
        expect((await stripe.capture(intentId)).body.status).toBe("succeeded")
        const event = stripe.event("payment_intent.succeeded", intentId)

        const forged = await stripe.deliver(webhookUrl(), event, "whsec_not_the_platforms")
        expect(forged.status).toBe(400)
        expect(JSON.parse(forged.text).code).toBe("STRIPE_WEBHOOK_SIGNATURE_INVALID")
        const unsigned = await fetch(webhookUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) })
        expect(unsigned.status).toBe(400)
        expect((await paymentState(payment.id)).captured_at).toBeNull()

        expect((await stripe.deliver(webhookUrl(), event, FAKE_WEBHOOK_SECRET)).status).toBe(200)
        // Medusa processes webhooks in a subscriber, after a delay (5 s by default).
        for (let i = 0; i < 60 && !(await paymentState(payment.id)).captured_at; i++) {
          await new Promise((r) => setTimeout(r, 500))
        }
        expect(await paymentState(payment.id)).toMatchObject({ captures: 1 })
        expect((await paymentState(payment.id)).captured_at).toBeTruthy()

        expect((await stripe.deliver(webhookUrl(), event, FAKE_WEBHOOK_SECRET)).status).toBe(200)
        await new Promise((r) => setTimeout(r, 9000))
        expect((await paymentState(payment.id)).captures).toBe(1)
        const { data: orders } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart.id } })
        expect(orders).toHaveLength(1)
        expect(stripe.refunds.filter((r) => r.payment_intent === intentId)).toEqual([])
      })
    })
  },
})
