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
 * For the browser it also serves a FAKE Stripe.js (`GET /v3`, see FAKE_STRIPE_JS) and answers what Stripe.js
 * sends with the publishable key: a PaymentIntent retrieved or confirmed with its client secret (CORS open, as
 * Stripe's API is).
 *
 * Call `useFakeStripe()` at the top of a spec file, before `medusaIntegrationTestRunner`: its beforeAll
 * runs first and sets STRIPE_API_KEY / STRIPE_API_BASE / STRIPE_WEBHOOK_SECRET before medusa-config loads.
 * Outside jest (the browser suite's global setup), `createFakeStripe()` then `listen()` / `close()`.
 */

type Params = Record<string, any>
export type StripeRequest = { method: string; path: string; params: Params; idempotency_key?: string; stripe_account?: string }
type Answer = { status: number; body: Record<string, unknown> }

export const FAKE_STRIPE_KEY = "sk_test_maart_fake"
export const FAKE_WEBHOOK_SECRET = "whsec_maart_fake"
export const FAKE_PUBLISHABLE_KEY = "pk_test_maart_fake"

/**
 * A FAKE Stripe.js (what `https://js.stripe.com/v3` defines: `window.Stripe(publishableKey)`), as much as the
 * storefront's Payment Element step uses through @stripe/react-stripe-js: `stripe.elements({clientSecret})`,
 * `elements.create("payment")` mounted as plain inputs (the real one is an iframe of Stripe's) with `on`/`off`
 * events, and `stripe.confirmPayment({elements, redirect: "if_required"})`, which posts the intent's confirmation
 * with the publishable key and client secret to the API, as Stripe.js does. Test cards: 4242 4242 4242 4242
 * (pm_card_visa) succeeds, 4000 0000 0000 0002 (pm_card_chargeDeclined) is declined; anything else is an
 * invalid number, refused before any request. `__API__` is replaced by the fake API's URL.
 */
const FAKE_STRIPE_JS = `(function () {
  "use strict";
  var API = __API__;
  var CARDS = { "4242424242424242": "pm_card_visa", "4000000000000002": "pm_card_chargeDeclined" };
  function Emitter() { this._on = {}; }
  Emitter.prototype.on = function (type, fn) { (this._on[type] = this._on[type] || []).push(fn); return this; };
  Emitter.prototype.once = Emitter.prototype.on;
  Emitter.prototype.off = function (type, fn) { this._on[type] = (this._on[type] || []).filter(function (f) { return f !== fn; }); return this; };
  Emitter.prototype._emit = function (type, event) { (this._on[type] || []).slice().forEach(function (fn) { fn(event); }); };
  function PaymentElement(type) { Emitter.call(this); this._type = type; this._node = null; }
  PaymentElement.prototype = Object.create(Emitter.prototype);
  PaymentElement.prototype.mount = function (target) {
    var host = typeof target === "string" ? document.querySelector(target) : target;
    var self = this;
    host.innerHTML = '<div class="FakeStripeElement" data-fake-stripe="payment"><label>Card number ' +
      '<input name="cardnumber" autocomplete="cc-number" inputmode="numeric"></label></div>';
    this._node = host;
    this._input = host.querySelector("input");
    this._input.addEventListener("input", function () {
      self._emit("change", { elementType: self._type, empty: !self._input.value, complete: !!CARDS[self._input.value.replace(/\\s/g, "")] });
    });
    setTimeout(function () { self._emit("ready", { elementType: self._type }); });
  };
  PaymentElement.prototype.update = function () {};
  PaymentElement.prototype.focus = function () { if (this._input) this._input.focus(); };
  PaymentElement.prototype.blur = function () { if (this._input) this._input.blur(); };
  PaymentElement.prototype.clear = function () { if (this._input) this._input.value = ""; };
  PaymentElement.prototype.collapse = function () {};
  PaymentElement.prototype.unmount = function () { if (this._node) this._node.innerHTML = ""; this._node = null; };
  PaymentElement.prototype.destroy = PaymentElement.prototype.unmount;
  function Elements(options) { this._options = options || {}; this._elements = {}; }
  Elements.prototype.create = function (type) { return (this._elements[type] = new PaymentElement(type)); };
  Elements.prototype.getElement = function (type) { return this._elements[type] || null; };
  Elements.prototype.update = function (options) { for (var k in options) this._options[k] = options[k]; };
  Elements.prototype.fetchUpdates = function () { return Promise.resolve({}); };
  Elements.prototype.submit = function () { return Promise.resolve({}); };
  function post(path, params) {
    return fetch(API + path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() })
      .then(function (res) { return res.json(); });
  }
  function Stripe(key) {
    if (!(this instanceof Stripe)) return new Stripe(key);
    if (typeof key !== "string" || key.indexOf("pk_") !== 0) throw new Error("Invalid API Key provided: " + key);
    this._key = key;
  }
  Stripe.version = 3;
  Stripe.prototype.elements = function (options) { return new Elements(options); };
  Stripe.prototype.createToken = Stripe.prototype.createPaymentMethod = Stripe.prototype.confirmCardPayment = function () {
    return Promise.reject(new Error("not in Maart's fake Stripe.js"));
  };
  Stripe.prototype.confirmPayment = function (args) {
    var elements = args.elements, element = elements && elements.getElement("payment");
    var secret = elements && elements._options.clientSecret;
    if (!element || !element._input || !secret) return Promise.resolve({ error: { type: "invalid_request_error", message: "No mounted Payment Element." } });
    var pm = CARDS[element._input.value.replace(/\\s/g, "")];
    if (!pm) return Promise.resolve({ error: { type: "validation_error", code: "invalid_number", message: "Your card number is invalid." } });
    var params = { key: this._key, client_secret: secret, payment_method: pm };
    if (args.confirmParams && args.confirmParams.return_url) params.return_url = args.confirmParams.return_url;
    return post("/v1/payment_intents/" + secret.split("_secret_")[0] + "/confirm", params).then(function (body) {
      return body.error ? { error: body.error } : { paymentIntent: body };
    });
  };
  window.Stripe = Stripe;
})();
`

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

export function createFakeStripe() {
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
        // Stripe's API answers browsers (Stripe.js) from any origin.
        "access-control-allow-origin": "*",
        "request-id": id("req"),
        ...(record.idempotency_key ? { "idempotency-key": record.idempotency_key } : {}),
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      })
      res.end(JSON.stringify(answer.body))
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": "authorization, content-type, stripe-account, stripe-version",
      })
      return res.end()
    }
    if (req.method === "GET" && url.pathname === "/v3") {
      res.writeHead(200, { "content-type": "application/javascript; charset=utf-8", "access-control-allow-origin": "*" })
      return res.end(FAKE_STRIPE_JS.replace("__API__", JSON.stringify(base)))
    }
    const publishable = params.key === FAKE_PUBLISHABLE_KEY || header("authorization") === `Bearer ${FAKE_PUBLISHABLE_KEY}`
    if (publishable) {
      // A publishable key reaches one PaymentIntent, with its client secret: retrieve it or confirm it.
      const [, v1, resource, intentId, action] = url.pathname.split("/")
      const intent = v1 === "v1" && resource === "payment_intents" ? intents.get(intentId) : undefined
      const allowed = (req.method === "GET" && !action) || (req.method === "POST" && action === "confirm")
      if (!intent || !allowed) {
        return reply(stripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` }))
      }
      if (params.client_secret !== intent.client_secret) {
        return reply(stripeError(400, { type: "invalid_request_error", code: "payment_intent_invalid_parameter", param: "client_secret", message: "The client_secret provided does not match the client_secret associated with the PaymentIntent." }))
      }
      const { key: _key, client_secret: _secret, return_url: _return, ...rest } = params
      return reply(handle(req.method!, url.pathname, rest))
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

  /** Starts the fake on a free loopback port. */
  async function listen() {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }
  async function close() {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

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
    listen,
    close,
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

/** The fake for a jest spec file: listening, with STRIPE_API_KEY / STRIPE_API_BASE / STRIPE_WEBHOOK_SECRET set, for the file. */
export function useFakeStripe() {
  const fake = createFakeStripe()
  beforeAll(async () => {
    await fake.listen()
    process.env.STRIPE_API_KEY = FAKE_STRIPE_KEY
    process.env.STRIPE_API_BASE = fake.url
    process.env.STRIPE_WEBHOOK_SECRET = FAKE_WEBHOOK_SECRET
  })
  afterAll(async () => {
    delete process.env.STRIPE_API_KEY
    delete process.env.STRIPE_API_BASE
    delete process.env.STRIPE_WEBHOOK_SECRET
    await fake.close()
  })
  return fake
}
