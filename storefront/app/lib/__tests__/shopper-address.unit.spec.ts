import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { forwardedFor } from "../shopper-address"

/**
 * The storefront names the shopper on every Store API call (X-Forwarded-For), so the backend's per-IP limits
 * (TRUST_PROXY=1) count shoppers, not the storefront: integration-tests/http/platform/store-limits.spec.ts shows the
 * backend side. Here a plain http server stands in for the backend and records what arrives.
 */
describe("storefront: the shopper's address on Store API calls", () => {
  let server: http.Server
  let seen: http.IncomingHttpHeaders[] = []

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers)
      res.setHeader("content-type", "application/json")
      const answers: Record<string, unknown> = {
        "/store/products": { products: [], count: 0, offset: 0, limit: 12 },
        "/store/vendors/resolve": { vendor: { id: "ven_1", handle: "lumiere", name: "Lumière", publishable_key: "pk_shop", languages: ["fr"] } },
        "/store/regions": { regions: [{ id: "reg_1", currency_code: "eur" }] },
      }
      res.end(JSON.stringify(answers[new URL(req.url ?? "/", "http://x").pathname] ?? {}))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    process.env.MEDUSA_BACKEND_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    process.env.MEDUSA_PUBLISHABLE_KEY = "pk_platform"
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))
  beforeEach(() => {
    seen = []
  })

  it("forwards one plain IP, and nothing for an unknown or malformed address", () => {
    expect(forwardedFor("198.51.100.7")).toEqual({ "x-forwarded-for": "198.51.100.7" })
    expect(forwardedFor("::ffff:198.51.100.7")).toEqual({ "x-forwarded-for": "198.51.100.7" })
    expect(forwardedFor("2001:db8::1")).toEqual({ "x-forwarded-for": "2001:db8::1" })
    for (const bad of [undefined, null, "", "unknown", "1.2.3.4, 5.6.7.8", "1.2.3.4\r\nx: y"]) {
      expect(forwardedFor(bad)).toEqual({})
    }
  })

  it("sends each shopper's own address with the shop's key, per client", async () => {
    // Loaded after MEDUSA_BACKEND_URL is set: config.server reads it once.
    const { storeSdk } = await import("../medusa.server")
    const shop = { publishableKey: "pk_test", lang: "fr" as const }
    await storeSdk({ ...shop, shopperAddress: "198.51.100.1" }).store.product.list({ limit: 12 })
    await storeSdk({ ...shop, shopperAddress: "198.51.100.2" }, { token: "tok" }).store.product.list({ limit: 12 })
    await storeSdk(shop).store.product.list({ limit: 12 })
    expect(seen.map((h) => [h["x-forwarded-for"], h["x-publishable-api-key"]])).toEqual([
      ["198.51.100.1", "pk_test"],
      ["198.51.100.2", "pk_test"],
      [undefined, "pk_test"],
    ])
  })

  it("sends it on host resolution too, and keeps it on the request's shop", async () => {
    const { resolveShop } = await import("../shop.server")
    const request = new Request("http://lumiere.localhost:8000/", { headers: { host: "lumiere.localhost:8000" } })
    const shop = await resolveShop(request, {}, { shopperAddress: "203.0.113.5" })
    expect(shop.shopperAddress).toBe("203.0.113.5")
    expect(seen.map((h) => [h["x-forwarded-for"], h["x-publishable-api-key"]])).toEqual([
      ["203.0.113.5", "pk_platform"],
      ["203.0.113.5", "pk_shop"],
    ])
  })
})
