import type Medusa from "@medusajs/js-sdk"
import { createCookie } from "react-router"
import { config } from "./config.server"
import { errorStatus, storeSdk } from "./medusa.server"
import { clearCustomerToken, getCartId, getCustomerToken, setCartId } from "./session.server"
import type { Shop } from "./shop.server"
import { STRIPE_PROVIDER, type LineView, type StockProblemView, type TotalsView } from "./shopper-views"

/**
 * The shopper's cart at one shop: the id lives in the shop's httpOnly cookie
 * (session.server.ts), everything else in Medusa. Every call goes through a
 * per-request SDK client with the shop's publishable key and — when signed in —
 * the customer's token, so the cart belongs to the customer's account.
 */

type Sdk = Medusa
export type Cart = Awaited<ReturnType<Sdk["store"]["cart"]["retrieve"]>>["cart"]
export type CartLine = NonNullable<Cart["items"]>[number]
export type ShippingOption = Awaited<ReturnType<Sdk["store"]["fulfillment"]["listCartOptions"]>>["shipping_options"][number]
export type Order = Awaited<ReturnType<Sdk["store"]["order"]["retrieve"]>>["order"]

export { MANUAL_PROVIDER, STRIPE_PROVIDER } from "./shopper-views"

// Medusa's defaults plus line totals and the payment collection (a session is started from it).
const CART_FIELDS = "+items.total,+items.subtotal,+shipping_methods.name,*payment_collection,*payment_collection.payment_sessions"

/** What a shopper's request knows: the shop, its cookies, and the Set-Cookie headers a change needs. */
export type Shopper = {
  shop: Shop
  sdk: Sdk
  token: string | null
  cartId: string | null
  /** Set-Cookie values to send with the response (cart created or forgotten, stale token dropped). */
  cookies: string[]
}

/** The shopper behind `request` at `shop`. */
export async function shopperOf(request: Request, shop: Shop): Promise<Shopper> {
  const [token, cartId] = await Promise.all([getCustomerToken(request, shop), getCartId(request, shop)])
  return { shop, token, cartId, sdk: storeSdk(shop, { token }), cookies: [] }
}

/** Response headers carrying the shopper's cookie changes. */
export function cookieHeaders(shopper: Shopper, init: HeadersInit = {}): Headers {
  const headers = new Headers(init)
  for (const value of shopper.cookies) {
    headers.append("Set-Cookie", value)
  }
  return headers
}

/**
 * A customer token the backend refuses (expired, or an account of another shop:
 * 401 CUSTOMER_OF_ANOTHER_SHOP) means "not signed in here": forget it and carry on
 * as a guest.
 */
export async function dropToken(shopper: Shopper): Promise<void> {
  shopper.token = null
  shopper.sdk = storeSdk(shopper.shop)
  shopper.cookies.push(await clearCustomerToken(shopper.shop))
}

/** Runs `call`; on a 401 with a customer token, drops the token and runs it once more as a guest. */
export async function asGuestOn401<T>(shopper: Shopper, call: (sdk: Sdk) => Promise<T>): Promise<T> {
  try {
    return await call(shopper.sdk)
  } catch (error) {
    if (shopper.token && errorStatus(error) === 401) {
      await dropToken(shopper)
      return call(shopper.sdk)
    }
    throw error
  }
}

/** The shopper's open cart, or null (none yet, completed, or gone — the stale cookie is then dropped). */
export async function getCart(shopper: Shopper): Promise<Cart | null> {
  if (!shopper.cartId) {
    return null
  }
  try {
    const { cart } = await asGuestOn401(shopper, (sdk) => sdk.store.cart.retrieve(shopper.cartId!, { fields: CART_FIELDS }))
    if (!cart.completed_at) {
      return cart
    }
  } catch (error) {
    if (errorStatus(error) !== 404) {
      throw error
    }
  }
  await forgetCart(shopper)
  return null
}

/** Drops the cart cookie (the cart itself stays in Medusa). */
export async function forgetCart(shopper: Shopper): Promise<void> {
  shopper.cartId = null
  shopper.cookies.push(await setCartId(shopper.shop, null))
}

/** The open cart, created (in the shop's region and language, the customer's when signed in) when there is none. */
export async function ensureCart(shopper: Shopper): Promise<Cart> {
  const existing = await getCart(shopper)
  if (existing) {
    return existing
  }
  const { cart } = await asGuestOn401(shopper, (sdk) =>
    sdk.store.cart.create({ region_id: shopper.shop.regionId, locale: shopper.shop.lang }, { fields: CART_FIELDS })
  )
  shopper.cartId = cart.id
  shopper.cookies.push(await setCartId(shopper.shop, cart.id))
  return cart
}

/** Adds `quantity` of a variant (creating the cart if needed). */
export async function addLine(shopper: Shopper, variantId: string, quantity: number): Promise<Cart> {
  const cart = await ensureCart(shopper)
  const res = await shopper.sdk.store.cart.createLineItem(cart.id, { variant_id: variantId, quantity }, { fields: CART_FIELDS })
  return res.cart
}

/** Sets a line's quantity; 0 removes it. */
export async function updateLine(shopper: Shopper, lineId: string, quantity: number): Promise<Cart | null> {
  if (!shopper.cartId) {
    return null
  }
  if (quantity <= 0) {
    return removeLine(shopper, lineId)
  }
  const res = await shopper.sdk.store.cart.updateLineItem(shopper.cartId, lineId, { quantity }, { fields: CART_FIELDS })
  return res.cart
}

export async function removeLine(shopper: Shopper, lineId: string): Promise<Cart | null> {
  if (!shopper.cartId) {
    return null
  }
  try {
    await shopper.sdk.store.cart.deleteLineItem(shopper.cartId, lineId)
  } catch (error) {
    // Removing a line that is already gone (a repeated form post) is not an error.
    if (errorStatus(error) !== 404) {
      throw error
    }
  }
  return getCart(shopper)
}

/** Number of units in the cart (the header's cart count). */
export function unitCount(cart: Cart | null): number {
  return (cart?.items ?? []).reduce((sum, line) => sum + Number(line.quantity ?? 0), 0)
}

export type Address = {
  first_name: string
  last_name: string
  company?: string
  address_1: string
  address_2?: string
  city: string
  postal_code: string
  province?: string
  country_code: string
  phone?: string
}

/** Contact email and delivery address (also the billing address). */
export async function setContact(shopper: Shopper, cartId: string, email: string, address: Address): Promise<Cart> {
  const { cart } = await shopper.sdk.store.cart.update(
    cartId,
    { email, shipping_address: address, billing_address: address },
    { fields: CART_FIELDS }
  )
  return cart
}

/** The shop's shipping options for this cart (Medusa lists them by the shop's stock locations). */
export async function shippingOptions(shopper: Shopper, cartId: string): Promise<ShippingOption[]> {
  const { shipping_options } = await shopper.sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
  return shipping_options
}

export async function setShippingOption(shopper: Shopper, cartId: string, optionId: string): Promise<Cart> {
  const { cart } = await shopper.sdk.store.cart.addShippingMethod(cartId, { option_id: optionId }, { fields: CART_FIELDS })
  return cart
}

/** Payment providers the region offers (the manual one always; Stripe when the backend has a key). */
export async function paymentProviders(shopper: Shopper): Promise<string[]> {
  const { payment_providers } = await shopper.sdk.store.payment.listPaymentProviders({ region_id: shopper.shop.regionId })
  return payment_providers.map((p) => p.id)
}

/**
 * Starts a payment session with `providerId` right before completion: Medusa drops a
 * cart's sessions whenever its total changes, so one made earlier may be gone.
 */
export async function startPayment(shopper: Shopper, cart: Cart, providerId: string) {
  const { payment_collection } = await shopper.sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId })
  return payment_collection
}

/** The cart's live session with `providerId` (Medusa drops sessions when the cart's total changes). */
export function pendingSession(cart: Cart, providerId: string) {
  return cart.payment_collection?.payment_sessions?.find((s) => s.provider_id === providerId && s.status === "pending") ?? null
}

/** The Stripe PaymentIntent's client secret of the cart's live Stripe session, for the Payment Element. */
export function stripeClientSecret(cart: Cart): string | null {
  const secret = pendingSession(cart, STRIPE_PROVIDER)?.data?.client_secret
  return typeof secret === "string" && secret.includes("_secret_") ? secret : null
}

/**
 * The order this browser just placed at the shop: its confirmation page opens for
 * it (and for a signed-in customer's own orders), not for any order id one types in
 * — the Store API answers `GET /store/orders/:id` to anyone with the shop's key.
 */
function lastOrderCookie(shop: Pick<Shop, "cookieNs" | "base">) {
  return createCookie(`maart_${shop.cookieNs}_order`, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure,
    path: shop.base || "/",
    maxAge: 24 * 60 * 60,
  })
}

export async function lastOrderId(request: Request, shop: Shop): Promise<string | null> {
  const value = await lastOrderCookie(shop).parse(request.headers.get("Cookie"))
  return typeof value === "string" && value ? value : null
}

export type CompleteResult = { type: "order"; order: Order } | { type: "cart"; message: string }

/**
 * Places the order. Completing an already completed cart gives the same order
 * (Medusa), so a repeated "place order" cannot make two. On success the cart
 * cookie is dropped.
 */
export async function completeCart(shopper: Shopper, cartId: string): Promise<CompleteResult> {
  const result = await shopper.sdk.store.cart.complete(cartId)
  if (result.type === "order") {
    await forgetCart(shopper)
    shopper.cookies.push(await lastOrderCookie(shopper.shop).serialize(result.order.id))
    return { type: "order", order: result.order as Order }
  }
  return { type: "cart", message: result.error?.message ?? "" }
}

export type StockProblem = StockProblemView
export type StockLine = { id: string; variant_id?: string | null; product_id?: string | null; title?: string | null; quantity: number }

/**
 * Lines asking for more than the shop has: Medusa's refusal (INSUFFICIENT_INVENTORY)
 * names inventory items, not what a shopper can act on, so the storefront asks for
 * the variants' `inventory_quantity` (over the shop's locations) and says "only N
 * left" / "sold out" per line. Lines of one variant are summed, as the backend does.
 */
export async function stockProblems(
  shopper: Shopper,
  lines: StockLine[]
): Promise<StockProblem[]> {
  const productIds = [...new Set(lines.map((l) => l.product_id).filter((id): id is string => !!id))]
  if (!productIds.length) {
    return []
  }
  const { products } = await shopper.sdk.store.product.list({
    id: productIds,
    limit: productIds.length,
    fields: "id,title,variants.id,variants.title,variants.manage_inventory,variants.allow_backorder,+variants.inventory_quantity",
  })
  const variants = new Map(products.flatMap((p) => (p.variants ?? []).map((v) => [v.id, { ...v, productTitle: p.title }] as const)))
  const wanted = new Map<string, number>()
  for (const line of lines) {
    if (line.variant_id) {
      wanted.set(line.variant_id, (wanted.get(line.variant_id) ?? 0) + Number(line.quantity))
    }
  }
  const problems: StockProblem[] = []
  const seen = new Set<string>()
  for (const line of lines) {
    const variant = line.variant_id ? variants.get(line.variant_id) : undefined
    if (!variant || seen.has(variant.id)) {
      continue
    }
    seen.add(variant.id)
    if (!variant.manage_inventory || variant.allow_backorder) {
      continue
    }
    const available = Math.max(0, Number(variant.inventory_quantity ?? 0))
    const total = wanted.get(variant.id) ?? 0
    if (total > available) {
      problems.push({ lineId: line.id, title: line.title ?? (variant.title && variant.title !== "Default" ? `${variant.productTitle} — ${variant.title}` : variant.productTitle ?? ""), wanted: total, available })
    }
  }
  return problems
}

/** The fields of a cart line or an order item the pages use. */
type LineLike = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  product_handle?: string | null
  thumbnail?: string | null
  quantity: number | string
  unit_price: number | string
  subtotal?: number | string | null
}

/** A line's name as the shopper knows it: product, and variant unless it is the only one. */
export function lineTitle(line: LineLike): string {
  const product = line.product_title ?? line.title ?? ""
  return line.variant_title && line.variant_title !== "Default" ? `${product} — ${line.variant_title}` : product
}

/**
 * The cart's lines as they would be after a change — `set` gives a line (or a variant
 * not yet in the cart) a new quantity — for `stockProblems`.
 */
export function linesAfter(cart: Cart | null, set?: { lineId?: string; variantId?: string; productId?: string; quantity: number }): StockLine[] {
  const lines: StockLine[] = (cart?.items ?? []).map((l) => ({
    id: l.id,
    variant_id: l.variant_id,
    product_id: l.product_id,
    title: lineTitle(l),
    quantity: Number(l.quantity),
  }))
  if (set?.lineId) {
    const line = lines.find((l) => l.id === set.lineId)
    if (line) {
      line.quantity = set.quantity
    }
  } else if (set?.variantId) {
    lines.push({ id: "new", variant_id: set.variantId, product_id: set.productId, title: null, quantity: set.quantity })
  }
  return lines
}

/** The countries the shop delivers to (its region's), named in the page language. */
export async function regionCountries(shopper: Shopper, cart?: Cart | null): Promise<{ code: string; name: string }[]> {
  let countries = cart?.region?.countries
  if (!countries?.length) {
    const { region } = await shopper.sdk.store.region.retrieve(shopper.shop.regionId, { fields: "id,*countries" })
    countries = region.countries
  }
  const names = new Intl.DisplayNames([shopper.shop.lang === "lb" ? "lb" : shopper.shop.lang, "fr"], { type: "region" })
  return (countries ?? [])
    .map((c) => ({ code: c.iso_2!, name: names.of(c.iso_2!.toUpperCase()) ?? c.display_name ?? c.iso_2! }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The lines of a cart or an order as the pages show them. */
export function lineViews(items: readonly LineLike[] | null | undefined): LineView[] {
  return (items ?? []).map((line) => ({
    id: line.id,
    title: lineTitle(line),
    productHandle: line.product_handle ?? null,
    thumbnail: line.thumbnail ?? null,
    quantity: Number(line.quantity),
    unitPrice: Number(line.unit_price),
    subtotal: Number(line.subtotal ?? Number(line.unit_price) * Number(line.quantity)),
  }))
}

/** A cart's or an order's totals (prices are before tax: tax is its own line). */
export function totalsView(cart: {
  currency_code: string
  item_subtotal?: number | null
  shipping_subtotal?: number | null
  tax_total?: number | null
  discount_total?: number | null
  total?: number | null
}): TotalsView {
  return {
    currency: cart.currency_code,
    subtotal: Number(cart.item_subtotal ?? 0),
    shipping: Number(cart.shipping_subtotal ?? 0),
    tax: Number(cart.tax_total ?? 0),
    discount: Number(cart.discount_total ?? 0),
    total: Number(cart.total ?? 0),
  }
}
