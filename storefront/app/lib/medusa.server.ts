import Medusa, { FetchError } from "@medusajs/js-sdk"
import { config } from "./config.server"
import type { Shop } from "./shop.server"
import { forwardedFor } from "./shopper-address"

/**
 * A Store API client for one request: the shop's publishable key, the page
 * language (`x-medusa-locale`, so product content comes translated) and, when
 * given, the customer's token; X-Forwarded-For names the shopper (per-IP
 * limits). A new client per request: nothing — key, token,
 * cart — can leak from one shop or shopper to another.
 */
export function storeSdk(shop: Pick<Shop, "publishableKey" | "lang" | "shopperAddress">, opts: { token?: string | null } = {}): Medusa {
  const headers: Record<string, string> = { "x-medusa-locale": shop.lang, ...forwardedFor(shop.shopperAddress) }
  if (opts.token) {
    headers.authorization = `Bearer ${opts.token}`
  }
  return new Medusa({
    baseUrl: config.backendUrl,
    publishableKey: shop.publishableKey,
    globalHeaders: headers,
    // The token lives in our httpOnly cookie; the SDK must not store one itself.
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  })
}

/** The HTTP status of a Store API error (0 when the backend was not reached). */
export function errorStatus(error: unknown): number {
  return error instanceof FetchError ? (error.status ?? 0) : 0
}
