import fs from "node:fs"
import path from "node:path"
import type { Page } from "@playwright/test"
import { ARTIFACTS } from "./playwright.config"
import { PLATFORM_ADMIN, PLATFORM_DOMAIN } from "./global-setup"

export { PLATFORM_ADMIN, PLATFORM_DOMAIN }

/** The demo shops as src/scripts/demo-vendors.ts seeds them (names, colors, a product each, one with options). */
export const SHOPS = {
  lumiere: {
    handle: "lumiere",
    name: "Atelier Lumière",
    primary: "#7a3e1d",
    products: ["Lampe de chevet en laiton", "Suspension en lin", "Bougie parfumée Moselle", "Vase en grès", "Guirlande lumineuse"],
    variantProduct: { title: "Lampe de chevet en laiton", option: "Finition", value: "Noir" },
  },
  velo: {
    handle: "velo",
    name: "Vëlo Buttek",
    primary: "#0b6e4f",
    products: ["Casque urbain", "Antivol en U", "Sacoche étanche", "Éclairage LED avant", "Pompe à pied"],
    variantProduct: { title: "Sacoche étanche", option: "Color", value: "Yellow" },
  },
} as const
export type ShopKey = keyof typeof SHOPS

function required(name: string) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the suite through its config (global-setup.ts starts the servers)`)
  return value
}

export const backendUrl = () => required("MAART_BROWSER_BACKEND")
export const storefrontPort = () => Number(required("MAART_BROWSER_STOREFRONT_PORT"))

/** A shop's URL on one of its hosts: its verified `<handle>.localhost` domain (default) or the platform subdomain. */
export function shopUrl(shop: ShopKey | string, pathname = "/", host: "domain" | "subdomain" = "domain") {
  const name = host === "domain" ? `${shop}.localhost` : `${shop}.${PLATFORM_DOMAIN}`
  return `http://${name}:${storefrontPort()}${pathname}`
}

/** The same shop in path mode: one origin for every shop, `/vendors/<handle>/…`. */
export function pathModeUrl(shop: string, pathname = "/") {
  return `http://localhost:${storefrontPort()}/vendors/${shop}${pathname === "/" ? "/" : pathname}`
}

/** A full-page screenshot under test-artifacts/storefront/pages (kept by CI, ignored by git). */
export async function snap(page: Page, name: string) {
  const dir = path.join(ARTIFACTS, "pages")
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
}

/** The Admin API as the platform admin the suite's seed created. */
export async function platformAdmin() {
  const base = backendUrl()
  const call = async (method: string, url: string, body?: object, token?: string) => {
    const res = await fetch(base + url, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data: any = await res.json().catch(() => ({}))
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data).slice(0, 400)}`)
    return data
  }
  const { token } = await call("POST", "/auth/user/emailpass", PLATFORM_ADMIN)
  return {
    get: (url: string) => call("GET", url, undefined, token),
    post: (url: string, body: object = {}) => call("POST", url, body, token),
  }
}

/** The computed value of a CSS custom property on the document element (the theme's variables live there). */
export function cssVariable(page: Page, name: string) {
  return page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim().toLowerCase(), name)
}
