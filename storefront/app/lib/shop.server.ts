import { data } from "react-router"
import { config } from "./config.server"
import { shopHref } from "./href"
import { pickLanguage, shopLanguages, type Lang } from "./i18n"
import { forwardedFor, type ShopperContext } from "./shopper-address"
import { getLang } from "./session.server"

export type ShopTheme = {
  primary_color?: string
  accent_color?: string
  logo_url?: string
  font?: string
}

/** The vendor's public profile, as `GET /store/vendors/resolve` answers it. */
export type ShopVendor = {
  id: string
  handle: string
  name: string
  default_language: string
  languages: string[]
  theme: ShopTheme
  sales_channel_id: string
}

/** The shop a request is for; built per request (the language is the shopper's). */
export type Shop = {
  vendor: ShopVendor
  /** The shop's publishable key: every Store API call of this request uses it. */
  publishableKey: string
  /** "" in host mode, "/vendors/<handle>" in path mode. */
  base: string
  /** Cookie namespace: the vendor handle. */
  cookieNs: string
  lang: Lang
  /** The languages the shop offers. */
  languages: Lang[]
  /** The platform region (prices need it) and its currency. */
  regionId: string
  currencyCode: string
  /** The shopper's address as this server received it; every Store API call forwards it (X-Forwarded-For). */
  shopperAddress?: string
}

/** What a thrown resolution error carries (root ErrorBoundary renders it). */
export type ShopErrorData = { reason: "shop-not-found" | "shop-closed"; lang: Lang }

type Resolved = { vendor: ShopVendor; publishableKey: string; regionId: string; currencyCode: string }
type Entry = { expires: number; value: Resolved | "not-found" | "closed" }

const cache = new Map<string, Entry>()
const inflight = new Map<string, Promise<Entry>>()
// Unknown hosts are remembered too (a 404 costs a backend call); bounded so random
// Host headers cannot grow memory without end.
const MAX_ENTRIES = 1000

/** `Lumiere.Localhost.:8000` (or `…:8000.`) → `lumiere.localhost` (IPv6 literals keep their brackets). */
export function normalizeHost(raw: string | null | undefined): string {
  let host = (raw ?? "").trim().toLowerCase().replace(/\.+$/, "")
  if (host.startsWith("[")) {
    host = host.slice(0, host.indexOf("]") + 1)
  } else {
    host = host.replace(/:\d*$/, "")
  }
  return host.replace(/\.+$/, "")
}

function requestHost(request: Request): string {
  return normalizeHost(request.headers.get("host") || new URL(request.url).host)
}

async function fetchJson(path: string, key: string, shopperAddress?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${config.backendUrl}${path}`, {
    headers: { "x-publishable-api-key": key, accept: "application/json", ...forwardedFor(shopperAddress) },
  })
  const body = await res.json().catch(() => null)
  return { status: res.status, body }
}

async function lookUp(query: string, shopperAddress?: string): Promise<Entry> {
  if (!config.platformKey) {
    throw new Error("MEDUSA_PUBLISHABLE_KEY is not set: the storefront needs a publishable key to resolve shops (see docs/storefront.md).")
  }
  const expires = Date.now() + config.resolveTtlMs
  const { status, body } = await fetchJson(`/store/vendors/resolve?${query}`, config.platformKey, shopperAddress)
  if (status === 404 || status === 400) {
    return { expires, value: "not-found" }
  }
  if (status === 403 && body?.code === "VENDOR_SUSPENDED") {
    return { expires, value: "closed" }
  }
  if (status !== 200 || !body?.vendor) {
    throw new Error(`shop resolution failed (${query}): ${status} ${body?.code ?? ""} ${body?.message ?? ""}`.trim())
  }
  const vendor = body.vendor
  if (!vendor.publishable_key) {
    // A shop whose key was revoked cannot serve its catalog: closed, not missing.
    return { expires, value: "closed" }
  }
  // The platform has one region; prices need its id. Asked with the shop's own key.
  const regions = await fetchJson("/store/regions?fields=id,currency_code&limit=1", vendor.publishable_key, shopperAddress)
  const region = regions.body?.regions?.[0]
  if (regions.status !== 200 || !region) {
    throw new Error(`no region for shop ${vendor.handle}: ${regions.status}`)
  }
  return {
    expires,
    value: {
      vendor: {
        id: vendor.id,
        handle: vendor.handle,
        name: vendor.name,
        default_language: vendor.default_language,
        languages: vendor.languages ?? [],
        theme: vendor.theme ?? {},
        sales_channel_id: vendor.sales_channel_id,
      },
      publishableKey: vendor.publishable_key,
      regionId: region.id,
      currencyCode: region.currency_code,
    },
  }
}

/** Resolution of one host or handle, reused for the TTL; concurrent misses share one call. */
async function cachedLookUp(key: string, query: string, shopperAddress?: string): Promise<Entry["value"]> {
  const hit = cache.get(key)
  if (hit && hit.expires > Date.now()) {
    return hit.value
  }
  let pending = inflight.get(key)
  if (!pending) {
    pending = lookUp(query, shopperAddress).finally(() => inflight.delete(key))
    inflight.set(key, pending)
  }
  const entry = await pending
  cache.delete(key)
  cache.set(key, entry)
  if (cache.size > MAX_ENTRIES) {
    cache.delete(cache.keys().next().value!)
  }
  return entry.value
}

/** Forget every cached resolution (tests). */
export function clearShopCache(): void {
  cache.clear()
}

/**
 * The shop this request is for: `/vendors/<handle>/…` in path mode, else the
 * Host header (`<handle>.<PLATFORM_DOMAIN>` or a verified custom domain).
 * Throws a 404 response (unknown or pending shop) or 503 (suspended) that the
 * root ErrorBoundary renders as the "shop not found" / "shop closed" page.
 */
export async function resolveShop(request: Request, params: { handle?: string }, context?: ShopperContext): Promise<Shop> {
  const shopperAddress = context?.shopperAddress
  const byHandle = params.handle !== undefined
  let value: Entry["value"]
  let base = ""
  if (byHandle) {
    const handle = params.handle!.toLowerCase()
    if (!config.pathMode || !/^[a-z0-9-]{1,63}$/.test(handle)) {
      value = "not-found"
    } else {
      value = await cachedLookUp(`handle:${handle}`, `handle=${encodeURIComponent(handle)}`, shopperAddress)
      base = `/vendors/${handle}`
    }
  } else {
    const host = requestHost(request)
    value = host ? await cachedLookUp(`host:${host}`, `host=${encodeURIComponent(host)}`, shopperAddress) : "not-found"
  }

  if (value === "not-found" || value === "closed") {
    const lang = pickLanguage({ acceptLanguage: request.headers.get("accept-language"), offered: shopLanguages(null), fallback: "fr" })
    const reason = value === "closed" ? "shop-closed" : "shop-not-found"
    throw data({ reason, lang } satisfies ShopErrorData, { status: value === "closed" ? 503 : 404 })
  }

  const languages = shopLanguages(value.vendor.languages)
  const scope = { cookieNs: value.vendor.handle, base }
  const lang = pickLanguage({
    cookie: await getLang(request, scope),
    acceptLanguage: request.headers.get("accept-language"),
    offered: languages,
    fallback: value.vendor.default_language,
  })
  return { ...value, base, cookieNs: value.vendor.handle, lang, languages, shopperAddress }
}

/** A link inside the shop (`href(shop, "/products")`). */
export function href(shop: Pick<Shop, "base">, path = "/"): string {
  return shopHref(shop.base, path)
}
