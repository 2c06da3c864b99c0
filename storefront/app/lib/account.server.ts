import type Medusa from "@medusajs/js-sdk"
import { redirect } from "react-router"
import { type Address, cookieHeaders, dropToken, forgetCart, lineViews, type Shopper, totalsView } from "./cart.server"
import { addressValues, safeNext } from "./forms"
import { errorStatus, storeSdk } from "./medusa.server"
import { setCustomerToken } from "./session.server"
import { href, type Shop } from "./shop.server"

/**
 * Customer accounts at one shop (docs/tenancy.md, "Customer accounts"): identities
 * of the `shop-emailpass` provider, keyed by the shop's publishable key, so the same
 * email is a separate account at each shop. The token lives in the shop's httpOnly
 * cookie; a token the backend refuses (expired, another shop's: 401
 * CUSTOMER_OF_ANOTHER_SHOP) is dropped and the shopper is a guest.
 */

type Sdk = Medusa
export type Customer = Awaited<ReturnType<Sdk["store"]["customer"]["retrieve"]>>["customer"]
export type CustomerAddress = NonNullable<Customer["addresses"]>[number]
export type OrderSummary = Awaited<ReturnType<Sdk["store"]["order"]["list"]>>["orders"][number]

const PROVIDER = "shop-emailpass"

/** Why an account action failed, as a key of the storefront's dictionaries. */
export type AccountError =
  | "account.error.invalid_login"
  | "account.error.reset_invalid"
  | "account.error.too_many"
  | "account.error.email_taken"
  | "account.error.invalid"
  | "account.error.unavailable"

export class AccountActionError extends Error {
  constructor(readonly key: AccountError) {
    super(key)
  }
}

function accountError(error: unknown, on401: AccountError, on409: AccountError = "account.error.email_taken"): AccountActionError {
  const status = errorStatus(error)
  if (status === 401) return new AccountActionError(on401)
  if (status === 409) return new AccountActionError(on409)
  if (status === 429) return new AccountActionError("account.error.too_many")
  if (status === 400) return new AccountActionError("account.error.invalid")
  return new AccountActionError("account.error.unavailable")
}

/** Signs in; the token (not a redirect or a second factor: shop-emailpass has neither). */
export async function login(shopper: Shopper, email: string, password: string): Promise<string> {
  let result: Awaited<ReturnType<Sdk["auth"]["login"]>>
  try {
    result = await storeSdk(shopper.shop).auth.login("customer", PROVIDER, { email, password })
  } catch (error) {
    throw accountError(error, "account.error.invalid_login")
  }
  if (typeof result !== "string") {
    throw new AccountActionError("account.error.invalid_login")
  }
  await signedIn(shopper, result)
  return result
}

/**
 * A new account at the shop: identity → account (with the registration token) →
 * sign-in. Registering again with the same email and password (a retried form) is
 * Medusa's sign-in of that identity and returns the account already made; another
 * password gets "email taken".
 */
export async function register(
  shopper: Shopper,
  input: { email: string; password: string; first_name: string; last_name: string }
): Promise<void> {
  const anonymous = storeSdk(shopper.shop)
  let registration: string
  try {
    registration = await anonymous.auth.register("customer", PROVIDER, { email: input.email, password: input.password })
  } catch (error) {
    // "Identity with email already exists" comes as 401.
    throw accountError(error, "account.error.email_taken")
  }
  try {
    await storeSdk(shopper.shop, { token: registration }).store.customer.create({
      email: input.email,
      first_name: input.first_name,
      last_name: input.last_name,
    })
  } catch (error) {
    throw accountError(error, "account.error.email_taken")
  }
  await login(shopper, input.email, input.password)
}

/**
 * Asks for a password-reset email. The backend answers the same whether or not the
 * shop has an account with this email (no account enumeration), and mails the link to
 * the shop's own `/reset-password` page.
 */
export async function requestPasswordReset(shopper: Shopper, email: string): Promise<void> {
  try {
    await storeSdk(shopper.shop).auth.resetPassword("customer", PROVIDER, { identifier: email })
  } catch (error) {
    // 429 (too many requests) and outages are worth saying; anything else looks like success.
    const status = errorStatus(error)
    if (!status || status === 429 || status >= 500) {
      throw new AccountActionError(status === 429 ? "account.error.too_many" : "account.error.unavailable")
    }
  }
}

/** Sets a new password with the emailed token (single use, short-lived: a used or expired one is refused with 401). */
export async function resetPassword(shopper: Shopper, token: string, password: string): Promise<void> {
  try {
    await storeSdk(shopper.shop).auth.updateProvider("customer", PROVIDER, { password }, token)
  } catch (error) {
    throw accountError(error, "account.error.reset_invalid")
  }
}

/**
 * Keeps the token in the shop's cookie and gives the shopper's open cart to the
 * account (its email and addresses prefill checkout; the order lands in the history).
 */
async function signedIn(shopper: Shopper, token: string): Promise<void> {
  shopper.token = token
  shopper.sdk = storeSdk(shopper.shop, { token })
  shopper.cookies.push(await setCustomerToken(shopper.shop, token))
  if (shopper.cartId) {
    try {
      await shopper.sdk.store.cart.transferCart(shopper.cartId)
    } catch {
      // A cart that cannot move (completed, gone) stays a guest cart; signing in still worked.
    }
  }
}

/** The signed-in customer, or null (no token, or one the backend refuses: then dropped). */
export async function currentCustomer(shopper: Shopper): Promise<Customer | null> {
  if (!shopper.token) {
    return null
  }
  try {
    const { customer } = await shopper.sdk.store.customer.retrieve({ fields: "*addresses" })
    return customer
  } catch (error) {
    if (errorStatus(error) === 401) {
      await dropToken(shopper)
      return null
    }
    throw error
  }
}

/** The customer, or a redirect to the sign-in page (coming back to `next`). */
export async function requireCustomer(shopper: Shopper, request: Request): Promise<Customer> {
  const customer = await currentCustomer(shopper)
  if (!customer) {
    const url = new URL(request.url)
    const next = `${url.pathname}${url.search}`
    throw redirect(`${href(shopper.shop, "/account/login")}?next=${encodeURIComponent(next)}`, {
      headers: cookieHeaders(shopper),
    })
  }
  return customer
}

/** Where to go after signing in: `?next=` when it is a page of this shop, else the account. */
export function nextPage(shop: Shop, next: string | null): string {
  const fallback = href(shop, "/account")
  const path = safeNext(next, fallback)
  return !shop.base || path === shop.base || path.startsWith(`${shop.base}/`) ? path : fallback
}

/**
 * Drops the token (JWTs are stateless: the cookie is the session) and the cart: it is
 * the account's now, with its email and address, and the next person at this browser
 * must not see it.
 */
export async function logout(shopper: Shopper): Promise<void> {
  await dropToken(shopper)
  await forgetCart(shopper)
}

export async function updateProfile(shopper: Shopper, input: { first_name: string; last_name: string; phone: string }) {
  try {
    await shopper.sdk.store.customer.update({
      first_name: input.first_name,
      last_name: input.last_name,
      phone: input.phone || null,
    } as Parameters<Sdk["store"]["customer"]["update"]>[0])
  } catch (error) {
    throw accountError(error, "account.error.unavailable")
  }
}

export async function addAddress(shopper: Shopper, address: Address) {
  try {
    await shopper.sdk.store.customer.createAddress(address)
  } catch (error) {
    throw accountError(error, "account.error.unavailable")
  }
}

export async function updateAddress(shopper: Shopper, addressId: string, address: Address) {
  try {
    await shopper.sdk.store.customer.updateAddress(addressId, address)
  } catch (error) {
    throw accountError(error, "account.error.unavailable")
  }
}

export async function deleteAddress(shopper: Shopper, addressId: string) {
  try {
    await shopper.sdk.store.customer.deleteAddress(addressId)
  } catch (error) {
    // Deleting an address already gone (a repeated post) is done.
    if (errorStatus(error) !== 404) {
      throw accountError(error, "account.error.unavailable")
    }
  }
}

export const ORDERS_PER_PAGE = 10

/** The customer's orders at this shop, newest first. */
export async function listOrders(shopper: Shopper, page: number) {
  const { orders, count } = await shopper.sdk.store.order.list({
    limit: ORDERS_PER_PAGE,
    offset: (page - 1) * ORDERS_PER_PAGE,
    order: "-created_at",
    fields: "id,display_id,status,payment_status,fulfillment_status,total,currency_code,created_at,items.id,items.quantity",
  } as Parameters<Sdk["store"]["order"]["list"]>[0])
  return { orders, count }
}

const ORDER_FIELDS = "*items,*shipping_address,*shipping_methods,+customer_id,+payment_status,+fulfillment_status"

/**
 * One order of the shop. `GET /store/orders/:id` answers anyone with the shop's key,
 * so the page decides who may see it: the browser that placed it (cart.server.ts
 * `lastOrderId`) or the signed-in customer whose order it is.
 */
export async function getOrder(shopper: Shopper, orderId: string) {
  try {
    const { order } = await storeSdk(shopper.shop).store.order.retrieve(orderId, { fields: ORDER_FIELDS })
    return order
  } catch (error) {
    if (errorStatus(error) === 404 || errorStatus(error) === 400) {
      return null
    }
    throw error
  }
}

/** What the confirmation and order pages show of an order. */
export function orderView(order: NonNullable<Awaited<ReturnType<typeof getOrder>>>) {
  return {
    id: order.id,
    number: String(order.display_id ?? ""),
    email: order.email ?? "",
    createdAt: String(order.created_at),
    status: order.status,
    fulfillmentStatus: (order as { fulfillment_status?: string }).fulfillment_status ?? null,
    lines: lineViews(order.items),
    totals: totalsView(order),
    address: addressValues(order.shipping_address),
    shipping: (order.shipping_methods ?? []).map((m) => m.name).join(", "),
  }
}
export type OrderView = ReturnType<typeof orderView>
