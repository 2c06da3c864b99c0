import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

// Low limits for this suite only (read when the app loads); X-Forwarded-For is trusted, so each test
// can speak from an address of its own. No REDIS_URL here: the limiter counts in memory.
process.env.STORE_RATE_LIMIT_PER_IP = "8"
process.env.STORE_RATE_LIMIT_PER_KEY = "12"
process.env.STORE_RATE_LIMIT_WINDOW_SECONDS = "60"
process.env.TRUST_PROXY = "1"
delete process.env.REDIS_URL

jest.setTimeout(120 * 1000)

type Reply = { status: number; body: any; ms: number }

/** A raw request: declared headers as given, `chunks` written one by one, never more. */
function rawRequest(base: string, path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<Reply> {
  const url = new URL(path, base)
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers }, (res) => {
      let text = ""
      res.on("data", (d) => (text += d))
      res.on("end", () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined, ms: Date.now() - started }))
    })
    // The server may close the socket before the client is done writing: the answer counts, not the write.
    req.on("error", (e: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(e.code ?? "") ? undefined : reject(e)))
    for (const chunk of chunks) req.write(chunk)
    // Deliberately not ended when a Content-Length larger than what was sent is declared.
    if (!headers["content-length"]) req.end()
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: { headers: Record<string, string> }
    const keys: Record<string, string> = {}

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      for (const handle of ["limita", "limitb"]) {
        const owner = { email: `owner@${handle}.test`, password: "password-1" }
        const { vendor } = (await api.post("/admin/vendors", { handle, name: handle, owner }, platform)).data
        await api.post(`/admin/vendors/${vendor.id}/verify`, {}, platform)
        keys[handle] = vendor.api_key.token
      }
    })

    const browse = (key: string, ip: string) =>
      api.get("/store/products?limit=1", { headers: { "x-publishable-api-key": key, "x-forwarded-for": ip }, ...anyStatus })

    describe("Store API rate limits", () => {
      it("answers 429 RATE_LIMITED with Retry-After past the per-IP limit; another IP is unaffected", async () => {
        for (let i = 0; i < 8; i++) {
          expect((await browse(keys.limita, "203.0.113.1")).status).toBe(200)
        }
        const refused = await browse(keys.limita, "203.0.113.1")
        expect(refused.status).toBe(429)
        expect(refused.data.code).toBe("RATE_LIMITED")
        const retryAfter = Number(refused.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(60)
        // Same key (at 10 of its 12), another address.
        expect((await browse(keys.limita, "203.0.113.2")).status).toBe(200)
      })

      it("answers 429 past the per-key limit whatever the IP; another shop's key is unaffected", async () => {
        for (let i = 0; i < 12; i++) {
          const res = await browse(keys.limitb, `198.51.100.${i + 1}`)
          expect(res.status).toBe(200)
        }
        const refused = await browse(keys.limitb, "198.51.100.200")
        expect(refused.status).toBe(429)
        expect(refused.data.code).toBe("RATE_LIMITED")
        expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1)
        expect((await browse(keys.limita, "198.51.100.201")).status).toBe(200)
      })
    })

    describe("body limits", () => {
      afterEach(() => {
        delete process.env.MAX_UPLOAD_MB
      })

      it("answers an upload declaring 120 MB with 413 PAYLOAD_TOO_LARGE at once, without reading it", async () => {
        const base = api.defaults.baseURL!
        const reply = await rawRequest(
          base,
          "/admin/uploads",
          { ...platform.headers, "content-type": "multipart/form-data; boundary=x", "content-length": String(120 * 1024 * 1024) },
          [Buffer.from("--x\r\n")]
        )
        expect(reply.status).toBe(413)
        expect(reply.body.code).toBe("PAYLOAD_TOO_LARGE")
        // Answered with 5 bytes of the 120 MB sent: nothing waited for the rest.
        expect(reply.ms).toBeLessThan(2000)
      })

      it("cuts off a streamed (chunked) body at MAX_UPLOAD_MB", async () => {
        process.env.MAX_UPLOAD_MB = "1"
        const chunk = Buffer.alloc(256 * 1024, "a")
        const reply = await rawRequest(
          api.defaults.baseURL!,
          "/admin/vendors/import",
          { ...platform.headers, "content-type": "application/json", "transfer-encoding": "chunked" },
          [Buffer.from('{"vendors":"'), ...Array(8).fill(chunk)]
        )
        expect(reply.status).toBe(413)
        expect(reply.body.code).toBe("PAYLOAD_TOO_LARGE")
        expect(reply.body.message).toMatch(/1 MB/)
      })

      it("answers a JSON body over its route's limit with 413 PAYLOAD_TOO_LARGE (not a 500)", async () => {
        const res = await api.post("/store/carts", { metadata: { filler: "x".repeat(200 * 1024) } }, {
          headers: { "x-publishable-api-key": keys.limita, "x-forwarded-for": "192.0.2.9" },
          ...anyStatus,
        })
        expect(res.status).toBe(413)
        expect(res.data.code).toBe("PAYLOAD_TOO_LARGE")
      })

      it("still takes an upload under the limit", async () => {
        const form = new FormData()
        form.append("files", new Blob([Buffer.from("hello maart")], { type: "text/plain" }), "hello.txt")
        const res = await api.post("/admin/uploads", form, { ...platform, ...anyStatus })
        expect(res.status).toBe(200)
        expect(res.data.files[0].url).toMatch(/hello/)
      })
    })
  },
})
