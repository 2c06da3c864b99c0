import http from "node:http"
import type { AddressInfo } from "node:net"
import { hasMetricsToken, metrics } from "../metrics"
import { installRequestTiming, requestVendorId, routePattern } from "../request-timing"

describe("routePattern", () => {
  it("is the matched Express route with its mount path, else 'unmatched'", () => {
    expect(routePattern({ route: { path: "/store/products/:id" } } as any)).toBe("/store/products/:id")
    expect(routePattern({ route: { path: "/:id" }, baseUrl: "/admin/things" } as any)).toBe("/admin/things/:id")
    expect(routePattern({ url: "/store/products/prod_123" } as any)).toBe("unmatched")
    // A RegExp route is not a bounded label of its own.
    expect(routePattern({ route: { path: /x/ } } as any)).toBe("unmatched")
  })
})

describe("requestVendorId", () => {
  it("is the admin's active vendor, else the store key's shop, else null", () => {
    expect(requestVendorId({ tenant: { kind: "vendor", vendor_id: "ven_a" }, shop: { vendor_id: "ven_b" } } as any)).toBe("ven_a")
    expect(requestVendorId({ tenant: { kind: "platform" } } as any)).toBeNull()
    expect(requestVendorId({ shop: { vendor_id: "ven_b" } } as any)).toBe("ven_b")
    expect(requestVendorId({} as any)).toBeNull()
  })
})

describe("hasMetricsToken", () => {
  afterEach(() => delete process.env.METRICS_TOKEN)

  it("accepts only the configured bearer token", () => {
    expect(hasMetricsToken("Bearer anything")).toBe(false) // none configured
    process.env.METRICS_TOKEN = "s3cret-token"
    expect(hasMetricsToken("Bearer s3cret-token")).toBe(true)
    expect(hasMetricsToken("bearer s3cret-token")).toBe(true)
    expect(hasMetricsToken("Bearer s3cret-token2")).toBe(false)
    expect(hasMetricsToken("Basic s3cret-token")).toBe(false)
    expect(hasMetricsToken(undefined)).toBe(false)
  })
})

describe("installRequestTiming", () => {
  let server: http.Server
  let url: string

  beforeAll(async () => {
    installRequestTiming()
    installRequestTiming() // idempotent
    server = http.createServer((req, res) => {
      // Like Express after a route layer ran.
      ;(req as any).route = { path: "/things/:id" }
      setTimeout(() => res.end("ok"), 20)
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it("sets x-process-time (ms, one decimal) and observes the route pattern, not the URL", async () => {
    const res = await fetch(`${url}/things/th_123?x=1`)
    const ms = Number(res.headers.get("x-process-time"))
    expect(res.headers.get("x-process-time")).toMatch(/^\d+\.\d$/)
    expect(ms).toBeGreaterThanOrEqual(15)
    await new Promise((r) => setTimeout(r, 10))
    const text = await metrics().registry.getSingleMetricAsString("http_request_duration_seconds")
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/things/:id",status="200"} 1')
    expect(text).not.toContain("th_123")
  })
})
