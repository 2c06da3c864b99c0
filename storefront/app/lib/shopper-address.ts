import { isIP } from "node:net"

/** What the storefront's server (server.mjs) gives every loader and action. */
export type ShopperContext = { shopperAddress?: string }

declare module "react-router" {
  interface AppLoadContext extends ShopperContext {}
}

/**
 * The header that tells the backend whose request this is: `X-Forwarded-For: <shopper>`, one address (the
 * storefront already applied its own trust setting), so the backend, trusting the storefront as one proxy
 * (TRUST_PROXY), counts its rate limits per shopper. Nothing when the address is unknown or not an IP
 * (`react-router dev` has no server handing it over): the backend then counts the storefront itself.
 */
export function forwardedFor(address: string | undefined | null): Record<string, string> {
  const ip = (address ?? "").trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1")
  return isIP(ip) ? { "x-forwarded-for": ip } : {}
}
