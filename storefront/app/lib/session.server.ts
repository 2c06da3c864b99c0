import { createCookie } from "react-router"
import { config } from "./config.server"
import { isLang, type Lang } from "./i18n"

/**
 * The storefront's cookies, one set per shop. Path mode puts every shop on one
 * origin, so names carry the vendor handle (`maart_<handle>_cart`) and the
 * cookie path is the shop's prefix; in host mode each shop is its own origin.
 * All are httpOnly, SameSite=Lax, Secure when COOKIE_SECURE is on.
 */
export type CookieScope = { cookieNs: string; base: string }

const DAY = 24 * 60 * 60

function cookie(scope: CookieScope, name: "cart" | "customer" | "lang", maxAge: number) {
  return createCookie(`maart_${scope.cookieNs}_${name}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure,
    path: scope.base || "/",
    maxAge,
  })
}

const CART_MAX_AGE = 30 * DAY
const CUSTOMER_MAX_AGE = 7 * DAY
const LANG_MAX_AGE = 365 * DAY

async function read(request: Request, scope: CookieScope, name: "cart" | "customer" | "lang"): Promise<string | null> {
  const value = await cookie(scope, name, 0).parse(request.headers.get("Cookie"))
  return typeof value === "string" && value ? value : null
}

/** The shop's cart id from its cookie. */
export function getCartId(request: Request, scope: CookieScope): Promise<string | null> {
  return read(request, scope, "cart")
}

/** A Set-Cookie header value that remembers the cart (null: forget it). */
export function setCartId(scope: CookieScope, cartId: string | null): Promise<string> {
  return cartId ? cookie(scope, "cart", CART_MAX_AGE).serialize(cartId) : cookie(scope, "cart", 0).serialize("", { maxAge: 0 })
}

/** The signed-in customer's Store API token at this shop. */
export function getCustomerToken(request: Request, scope: CookieScope): Promise<string | null> {
  return read(request, scope, "customer")
}

export function setCustomerToken(scope: CookieScope, token: string): Promise<string> {
  return cookie(scope, "customer", CUSTOMER_MAX_AGE).serialize(token)
}

export function clearCustomerToken(scope: CookieScope): Promise<string> {
  return cookie(scope, "customer", 0).serialize("", { maxAge: 0 })
}

/** The language the shopper chose at this shop, if any. */
export async function getLang(request: Request, scope: CookieScope): Promise<Lang | null> {
  const value = await read(request, scope, "lang")
  return isLang(value) ? value : null
}

export function setLang(scope: CookieScope, lang: Lang): Promise<string> {
  return cookie(scope, "lang", LANG_MAX_AGE).serialize(lang)
}
