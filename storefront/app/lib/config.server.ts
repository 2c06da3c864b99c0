/**
 * The storefront's configuration, read once from the environment.
 * Every setting has a development default so `npm run storefront:dev` runs
 * against a local Maart without a .env file.
 */

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") {
    return fallback
  }
  return ["1", "true", "yes", "on"].includes(value.trim().toLowerCase())
}

const production = process.env.NODE_ENV === "production"

export const config = {
  /** Where Maart's Store API answers (server to server; browsers never call it). */
  backendUrl: (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, ""),
  /**
   * A publishable key for host resolution (`/store/vendors/resolve` is public,
   * but Medusa wants a key on every /store request): the platform's default key
   * or any shop's. Every later call uses the resolved shop's own key.
   */
  platformKey: process.env.MEDUSA_PUBLISHABLE_KEY || "",
  /** Shops answer on `<handle>.<platformDomain>`. */
  platformDomain: (process.env.PLATFORM_DOMAIN || "maart.localhost").toLowerCase().replace(/\.$/, ""),
  port: Number(process.env.PORT || 8000),
  /** The `Secure` flag of the storefront's cookies (on behind HTTPS). */
  cookieSecure: flag(process.env.COOKIE_SECURE, false),
  /** `/vendors/<handle>/…` serves a shop on any host (development, previews). */
  pathMode: flag(process.env.STOREFRONT_PATH_MODE, !production),
  /**
   * Stripe's publishable key (pk_…) of the platform account the backend's STRIPE_API_KEY belongs to: card
   * payments (the Payment Element) are offered only with it. Destination charges live on the platform account,
   * so one key serves every shop.
   */
  stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY || "",
  /** Where browsers load Stripe.js from (a test points it at its fake). */
  stripeJsUrl: process.env.STRIPE_JS_URL || "https://js.stripe.com/v3",
  /** How long a host → shop resolution is reused, in ms. */
  resolveTtlMs: Number(process.env.STOREFRONT_RESOLVE_TTL_MS || 30_000),
}

export type Config = typeof config
