import { randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"

/**
 * A FAKE of the Stripe HTTP API, for tests: a node http server on a free loopback port speaking Stripe's
 * wire format — form-encoded bodies (`a[b][0]=v`), JSON answers with `object`, errors as
 * `{error: {type, code, message, …}}` with Stripe's status codes, `Idempotency-Key` replay — for what
 * Maart's Stripe provider calls: PaymentIntents create/retrieve/update/confirm/capture/cancel, refunds,
 * customers. Test cards as Stripe's test mode names them: `pm_card_visa` succeeds,
 * `pm_card_chargeDeclined` is declined. Every request is recorded for assertions.
 *
 * Call `useFakeStripe()` at the top of a spec file, before `medusaIntegrationTestRunner`: its beforeAll
 * runs first and sets STRIPE_API_KEY / STRIPE_API_BASE / STRIPE_WEBHOOK_SECRET before medusa-config loads.
 */

type Params = Record<string, any>
export type StripeRequest = { method: string; path: string; params: Params; idempotency_key?: string; stripe_account?: string }
type Answer = { status: number; body: Record<string, unknown> }

export const FAKE_STRIPE_KEY = "sk_test_maart_fake"
export const FAKE_WEBHOOK_SECRET = "whsec_maart_fake"

// The stripe-node copy Medusa's Stripe provider uses: its test helper signs webhook events.
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe")

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`
const now = () => Math.floor(Date.now() / 1000)

/** Stripe's form encoding back to objects: `metadata[a]=1&expand[0]=x` → `{metadata: {a: "1"}, expand: ["x"]}`. */
export function parseForm(body: string): Params {
  const out: Params = {}
  for (const pair of body.split("&").filter(Boolean)) {
    const [rawKey, rawValue = ""] = pair.split("=")
    const key = decodeURIComponent(rawKey.replace(/\+/g, " "))
    const value = decodeURIComponent(rawValue.replace(/\+/g, " "))
    const path = key.replace(/\]/g, "").split("[")
    let node: any = out
    path.forEach((segment, i) => {
      const last = i === path.length - 1
      const nextIsIndex = !last && /^\d*$/.test(path[i + 1])
      const slot = segment === "" && Array.isArray(node) ? node.length : segment
      if (last) {
        node[slot] = value
      } else {
        node[slot] ??= nextIsIndex ? [] : {}
        node = node[slot]
      }
    })
  }
  return out
}

const stripeError = (status: number, error: Record<string, unknown>): Answer => ({ status, body: { error } })
const missing = (kind: string, value: string) =>
  stripeError(404, { type: "invalid_request_error", code: "resource_missing", param: "id", message: `No such ${kind}: '${value}'` })
const int = (value: unknown) => (value === undefined ? undefined : Number(value))

export function useFakeStripe() {
  const requests: StripeRequest[] = []
  const intents = new Map<string, Params>()
  const customers = new Map<string, Params>()
  const refunds: Params[] = []
  const replays = new Map<string, { fingerprint: string; answer: Answer }>()

  const paymentMethod = (pm: string) => ({
    id: pm,
    object: "payment_method",
    type: "card",
    card: { brand: "visa", last4: pm.includes("Declined") ? "0002" : "4242", exp_month: 12, exp_year: 2030 },
  })
  // An intent as Stripe answers it; `expand[]=payment_method` turns the id into the object.
  const view = (intent: Params, expand: string[] = []) => ({
    ...intent,
    payment_method: intent.payment_method && expand.includes("payment_method") ? paymentMethod(intent.payment_method) : intent.payment_method,
  })
  const unexpectedState = (intent: Params, action: string) =>
    stripeError(400, {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      message: `This PaymentIntent could not be ${action} because it has a status of ${intent.status}.`,
      payment_intent: view(intent),
    })

  function confirm(intent: Params, pm: string | undefined): Answer | null {
    if (!["requires_payment_method", "requires_confirmation"].includes(intent.status)) {
      return unexpectedState(intent, "confirmed")
    }
    if (!pm) {
      return stripeError(400, { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: "You cannot confirm this PaymentIntent because it's missing a payment method." })
    }
    intent.payment_method = pm
    if (/declined/i.test(pm)) {
      intent.status = "requires_payment_method"
      intent.last_payment_error = { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." }
      return stripeError(402, { ...intent.last_payment_error, payment_intent: view(intent), request_log_url: null })
    }
    intent.last_payment_error = null
    intent.latest_charge = id("ch")
    if (intent.capture_method === "manual") {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
    } else {
      intent.status = "succeeded"
      intent.amount_received = intent.amount
    }
    return null
  }

  function handle(method: string, path: string, params: Params): Answer {
    const expand: string[] = [].concat(params.expand ?? [])
    const parts = path.split("/").filter(Boolean) // v1, resource, id, action
    if (parts[0] !== "v1") {
      return stripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` })
    }
    const [, resource, objectId, action] = parts
    if (resource === "payment_intents") {
      if (method === "POST" && !objectId) {
        const amount = int(params.amount)
        if (!amount || amount < 1 || !params.currency) {
          return stripeError(400, { type: "invalid_request_error", code: "parameter_missing", param: amount ? "currency" : "amount", message: "Missing required param." })
        }
        const intent: Params = {
          id: id("pi"),
          object: "payment_intent",
          amount,
          amount_capturable: 0,
          amount_received: 0,
          application_fee_amount: int(params.application_fee_amount) ?? null,
          capture_method: params.capture_method ?? "automatic",
          client_secret: "",
          currency: String(params.currency).toLowerCase(),
          customer: params.customer ?? null,
          description: params.description ?? null,
          last_payment_error: null,
          latest_charge: null,
          livemode: false,
          metadata: params.metadata ?? {},
          on_behalf_of: params.on_behalf_of ?? null,
          payment_method: null,
          payment_method_types: params.payment_method_types ?? ["card"],
          status: "requires_payment_method",
          transfer_data: params.transfer_data ? { destination: params.transfer_data.destination, ...(params.transfer_data.amount ? { amount: int(params.transfer_data.amount) } : {}) } : null,
          created: now(),
        }
        intent.client_secret = `${intent.id}_secret_${randomBytes(8).toString("hex")}`
        intents.set(intent.id, intent)
        if (params.payment_method) {
          intent.payment_method = params.payment_method
          intent.status = "requires_confirmation"
        }
        if (params.confirm === "true") {
          const refused = confirm(intent, params.payment_method)
          if (refused) return refused
        }
        return { status: 200, body: view(intent, expand) }
      }
      const intent = objectId ? intents.get(objectId) : undefined
      if (!intent) {
        return missing("payment_intent", objectId ?? "")
      }
      if (method === "GET" && !action) {
        return { status: 200, body: view(intent, expand) }
      }
      if (method === "POST" && !action) {
        if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status) && params.amount !== undefined) {
          return unexpectedState(intent, "updated")
        }
        if (params.amount !== undefined) intent.amount = int(params.amount)
        if (params.metadata) intent.metadata = { ...intent.metadata, ...params.metadata }
        if (params.description !== undefined) intent.description = params.description
        return { status: 200, body: view(intent, expand) }
      }
      if (method === "POST" && action === "confirm") {
        return confirm(intent, params.payment_method ?? intent.payment_method) ?? { status: 200, body: view(intent, expand) }
      }
      if (method === "POST" && action === "capture") {
        if (intent.status !== "requires_capture") {
          return unexpectedState(intent, "captured")
        }
        const amount = int(params.amount_to_capture) ?? intent.amount
        if (amount > intent.amount_capturable) {
          return stripeError(400, { type: "invalid_request_error", code: "amount_too_large", param: "amount_to_capture", message: "The amount to capture is larger than the capturable amount." })
        }
        Object.assign(intent, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
        return { status: 200, body: view(intent, expand) }
      }
      if (method === "POST" && action === "cancel") {
        if (["succeeded", "canceled"].includes(intent.status)) {
          return unexpectedState(intent, "canceled")
        }
        Object.assign(intent, { status: "canceled", amount_capturable: 0, canceled_at: now(), cancellation_reason: params.cancellation_reason ?? null })
        return { status: 200, body: view(intent, expand) }
      }
    }
    if (resource === "refunds" && method === "POST" && !objectId) {
      const intent = intents.get(params.payment_intent)
      if (!intent) {
        return missing("payment_intent", params.payment_intent ?? "")
      }
      if (intent.status !== "succeeded") {
        return stripeError(400, { type: "invalid_request_error", code: "charge_not_captured", message: `This PaymentIntent (${intent.id}) does not have a successful charge to refund.` })
      }
      const refunded = refunds.filter((r) => r.payment_intent === intent.id).reduce((sum, r) => sum + r.amount, 0)
      const left = intent.amount_received - refunded
      const amount = int(params.amount) ?? left
      if (left <= 0) {
        return stripeError(400, { type: "invalid_request_error", code: "charge_already_refunded", message: `Charge ${intent.latest_charge} has already been refunded.` })
      }
      if (amount > left) {
        return stripeError(400, { type: "invalid_request_error", code: "amount_too_large", param: "amount", message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).` })
      }
      const refund = { id: id("re"), object: "refund", amount, currency: intent.currency, payment_intent: intent.id, charge: intent.latest_charge, status: "succeeded", metadata: params.metadata ?? {}, created: now() }
      refunds.push(refund)
      return { status: 200, body: refund }
    }
    if (resource === "customers") {
      if (method === "POST" && !objectId) {
        const customer = { id: id("cus"), object: "customer", email: params.email ?? null, name: params.name ?? null, phone: params.phone ?? null, address: params.address ?? null, metadata: params.metadata ?? {}, created: now() }
        customers.set(customer.id, customer)
        return { status: 200, body: customer }
      }
      const customer = objectId ? customers.get(objectId) : undefined
      if (!customer) {
        return missing("customer", objectId ?? "")
      }
      if (method === "POST") {
        Object.assign(customer, Object.fromEntries(Object.entries(params).filter(([k]) => ["email", "name", "phone", "address", "metadata"].includes(k))))
        return { status: 200, body: customer }
      }
      if (method === "GET") {
        return { status: 200, body: customer }
      }
      if (method === "DELETE") {
        customers.delete(customer.id)
        return { status: 200, body: { id: customer.id, object: "customer", deleted: true } }
      }
    }
    return stripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` })
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? "/", "http://fake")
    const params = req.method === "GET" || req.method === "DELETE" ? parseForm(url.search.slice(1)) : parseForm(Buffer.concat(chunks).toString())
    const header = (name: string) => (req.headers[name] as string | undefined) ?? undefined
    const record: StripeRequest = { method: req.method!, path: url.pathname, params, idempotency_key: header("idempotency-key"), stripe_account: header("stripe-account") }
    requests.push(record)
    const reply = (answer: Answer, replayed = false) => {
      res.writeHead(answer.status, {
        "content-type": "application/json",
        "request-id": id("req"),
        ...(record.idempotency_key ? { "idempotency-key": record.idempotency_key } : {}),
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      })
      res.end(JSON.stringify(answer.body))
    }
    if (header("authorization") !== `Bearer ${FAKE_STRIPE_KEY}`) {
      return reply(stripeError(401, { type: "invalid_request_error", message: "Invalid API Key provided." }))
    }
    // Stripe keeps a POST's answer per key for 24 h: the same key gives the same answer, other parameters an error.
    const key = req.method === "POST" && record.idempotency_key
    const fingerprint = `${req.method} ${url.pathname} ${JSON.stringify(params)}`
    if (key && replays.has(key)) {
      const seen = replays.get(key)!
      if (seen.fingerprint !== fingerprint) {
        return reply(stripeError(400, { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` }))
      }
      return reply(seen.answer, true)
    }
    const answer = handle(req.method!, url.pathname, params)
    if (key && answer.status < 500) {
      replays.set(key, { fingerprint, answer })
    }
    reply(answer)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((e) => {
      res.writeHead(500, { "content-type": "application/json" })
      res.end(JSON.stringify({ error: { type: "api_error", message: String(e) } }))
    })
  })
  let base = ""

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    process.env.STRIPE_API_KEY = FAKE_STRIPE_KEY
    process.env.STRIPE_API_BASE = base
    process.env.STRIPE_WEBHOOK_SECRET = FAKE_WEBHOOK_SECRET
  })
  afterAll(async () => {
    delete process.env.STRIPE_API_KEY
    delete process.env.STRIPE_API_BASE
    delete process.env.STRIPE_WEBHOOK_SECRET
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  /** A call to the fake over HTTP, form-encoded like stripe-node and Stripe.js send them. */
  async function call(method: string, path: string, params: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${FAKE_STRIPE_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: method === "GET" ? undefined : new URLSearchParams(params).toString(),
    })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  /** A Stripe event around an intent as it is now. */
  const event = (type: string, intentId: string) => ({
    id: id("evt"),
    object: "event",
    api_version: "2024-04-10",
    created: now(),
    livemode: false,
    type,
    data: { object: view(intents.get(intentId)!) },
  })

  return {
    requests,
    intents,
    refunds,
    customers,
    get url() {
      return base
    },
    /** The requests to one path (e.g. "/v1/payment_intents"). */
    to: (method: string, path: string | RegExp) => requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path))),
    /** What the shopper's browser does with Stripe.js: confirms the intent with a payment method. */
    confirm: (intentId: string, paymentMethod = "pm_card_visa") => call("POST", `/v1/payment_intents/${intentId}/confirm`, { payment_method: paymentMethod }),
    /** A capture made outside Medusa (Stripe's dashboard, or the platform's own tools). */
    capture: (intentId: string) => call("POST", `/v1/payment_intents/${intentId}/capture`),
    event,
    /** Posts an event to a webhook URL signed with `secret` (Stripe's test helper), as Stripe delivers it. */
    deliver: async (url: string, evt: object, secret = FAKE_WEBHOOK_SECRET) => {
      const payload = JSON.stringify(evt)
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret })
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload })
      return { status: res.status, text: await res.text() }
    },
  }
}
