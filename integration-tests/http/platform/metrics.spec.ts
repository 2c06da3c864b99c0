/**
 * @maart-serial the shared Redis (queue depth) and a worker-mode instance.
 */
import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Logger } from "@medusajs/framework/types"
import { Queue } from "bullmq"
import { getRedis } from "../../../src/lib/redis"
import { useFeedServer } from "../../helpers/feed-server"
import { adminHeaders, anyStatus, createLamp, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

const server = useFeedServer()
const FEED = [
  "id\ttitle\tdescription\tavailability\tprice\tbrand\tgtin\titem_group_id\tcolor\tsize",
  "MUG\tTasse\tPorcelaine\tin stock\t12.50 EUR\tMoien\t4006381333931\t\t\t",
  "CUP\tGobelet\tVerre\tin stock\t8.00 EUR\tMoien\t\t\t\t",
].join("\n")

type Headers = { headers: Record<string, string> }

/** One sample's value from Prometheus text, by metric name and exact label set (0 when absent). */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels} `))
  return line ? Number(line.split(" ").pop()) : 0
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let key: Headers
    let vendor: { id: string; api_key: { token: string } }
    let productId: string

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "moien", name: "Moien", default_language: "fr", owner: { email: "owner@moien.test", password: "password-1" } }, platform)).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/verify`, {}, platform)
      owner = await adminHeaders(api, "owner@moien.test", "password-1")
      key = { headers: { "x-publishable-api-key": vendor.api_key.token } }
      productId = (await createLamp(api, owner, "Moien lamp", false)).id
    })

    afterEach(() => {
      delete process.env.MEDUSA_WORKER_MODE
      delete process.env.METRICS_TOKEN
      delete process.env.LOG_FORMAT
    })

    const scrape = async (headers: Record<string, string> = {}) => api.get("/metrics", { headers, ...anyStatus })

    describe("GET /metrics access", () => {
      it("refuses anonymous callers and vendor users, serves a platform admin when no token is configured", async () => {
        const anonymous = await scrape()
        expect(anonymous.status).toBe(401)
        expect(anonymous.data.code).toBe("UNAUTHORIZED")
        const vendorUser = await scrape(owner.headers)
        expect(vendorUser.status).toBe(403)
        expect(vendorUser.data.code).toBe("PLATFORM_ADMIN_REQUIRED")
        const admin = await scrape(platform.headers)
        expect(admin.status).toBe(200)
        expect(admin.headers["content-type"]).toMatch(/^text\/plain/)
        expect(admin.data).toContain("process_cpu_user_seconds_total")
      })

      it("with METRICS_TOKEN, serves only that bearer token", async () => {
        process.env.METRICS_TOKEN = "scrape-token-0123456789"
        expect((await scrape({ authorization: "Bearer scrape-token-0123456789" })).status).toBe(200)
        const wrong = await scrape({ authorization: "Bearer scrape-token-wrong" })
        expect(wrong.status).toBe(401)
        expect(wrong.data.code).toBe("UNAUTHORIZED")
        expect((await scrape()).status).toBe(401)
        // The token replaces sign-in: an admin session alone is not enough then.
        expect((await scrape(platform.headers)).status).toBe(401)
      })

      it("on a worker instance (no API routes), the server hook answers, to the token only", async () => {
        // The hook reads the mode per request; the routes of this (shared) app stay loaded, so a 200 from them
        // would not have the worker's refusal below.
        process.env.MEDUSA_WORKER_MODE = "worker"
        const noToken = await scrape(platform.headers)
        expect(noToken.status).toBe(403)
        expect(noToken.data.code).toBe("METRICS_TOKEN_REQUIRED")
        process.env.METRICS_TOKEN = "scrape-token-0123456789"
        expect((await scrape({ authorization: "Bearer nope" })).data.code).toBe("UNAUTHORIZED")
        const served = await scrape({ authorization: "Bearer scrape-token-0123456789" })
        expect(served.status).toBe(200)
        expect(served.headers["x-process-time"]).toMatch(/^\d+\.\d$/)
        expect(served.data).toContain("# TYPE maart_import_rows_processed_total counter")
        expect(served.data).toMatch(/^maart_jobs\{kind="import",status="queued"\} \d+$/m)
      })
    })

    describe("metrics", () => {
      it("times requests by route pattern and status, never by raw URL", async () => {
        await api.get(`/store/products/${productId}`, key)
        await api.get(`/store/products/${productId}`, key)
        await api.get("/store/products/prod_does_not_exist", { ...key, ...anyStatus })
        await api.get("/no/such/path", anyStatus)
        const text = (await scrape(platform.headers)).data as string
        expect(sample(text, "http_request_duration_seconds_count", '{method="GET",route="/store/products/:id",status="200"}')).toBeGreaterThanOrEqual(2)
        expect(sample(text, "http_request_duration_seconds_count", '{method="GET",route="/store/products/:id",status="404"}')).toBeGreaterThanOrEqual(1)
        expect(sample(text, "http_request_duration_seconds_count", '{method="GET",route="unmatched",status="404"}')).toBeGreaterThanOrEqual(1)
        expect(text).toContain('http_request_duration_seconds_bucket{le="0.1",method="GET",route="/store/products/:id",status="200"}')
        const routes = [...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1])
        expect(routes.filter((r) => r.includes(productId) || r.includes("prod_does_not_exist") || r.includes("/no/such"))).toEqual([])
      })

      it("counts imported feed rows and job states", async () => {
        const before = (await scrape(platform.headers)).data as string
        server.feeds.set("/fr.tsv", { body: Buffer.from(FEED + "\n") })
        const started = await api.post("/admin/marketplace/imports", { language: "fr", url: server.url("/fr.tsv") }, owner)
        expect(started.status).toBe(202)
        let status = ""
        for (let i = 0; i < 300 && !["succeeded", "partially_succeeded", "failed"].includes(status); i++) {
          await new Promise((r) => setTimeout(r, 100))
          status = (await api.get(`/admin/marketplace/imports/${started.data.import_job.id}`, owner)).data.import_job.status
        }
        expect(status).toBe("succeeded")
        const after = (await scrape(platform.headers)).data as string
        expect(sample(after, "maart_import_rows_processed_total") - sample(before, "maart_import_rows_processed_total")).toBe(2)
        expect(sample(after, "maart_jobs", '{kind="import",status="succeeded"}')).toBeGreaterThanOrEqual(1)
        expect(after).toMatch(/^maart_jobs\{kind="publish",status="running"\} 0$/m)
      })

      it("reports the database pool and the event-bus queue", async () => {
        const text = (await scrape(platform.headers)).data as string
        expect(text).toMatch(/^maart_db_pool_connections\{state="used"\} \d+$/m)
        expect(text).toMatch(/^maart_db_pool_connections\{state="free"\} \d+$/m)
        expect(text).toMatch(/^maart_db_pool_connections\{state="pending_acquires"\} \d+$/m)
        expect(sample(text, "maart_db_pool_connections", '{state="max"}')).toBeGreaterThan(0)
        // No REDIS_URL in this suite: events are handled in-process, nothing queues.
        expect(text).toMatch(/^maart_event_bus_queue_depth 0$/m)
        expect(text).toContain("# TYPE maart_workflow_executions_failed gauge")
      })

      it("with Redis, counts the event bus queue's waiting, delayed and active jobs as BullMQ does", async () => {
        // A database of its own on the machine's Redis, so no other suite's queue is counted or disturbed.
        const url = `${process.env.MAART_TEST_REDIS_URL || "redis://127.0.0.1:6379"}/13`
        const { hostname, port } = new URL(url)
        // Medusa's queue (@medusajs/event-bus-redis): "events-queue" with the service's class name as prefix.
        const queue = new Queue("events-queue", { prefix: "RedisEventBusService", connection: { host: hostname, port: Number(port), db: 13 } })
        try {
          await queue.obliterate({ force: true })
          await queue.add("order.placed", {})
          await queue.add("order.placed", {})
          await queue.add("product.updated", {}, { delay: 60_000 })
          process.env.REDIS_URL = url
          const text = (await scrape(platform.headers)).data as string
          const counts = await queue.getJobCounts("waiting", "delayed", "active", "prioritized")
          expect(counts).toMatchObject({ waiting: 2, delayed: 1 })
          expect(sample(text, "maart_event_bus_queue_depth")).toBe(3)
        } finally {
          // The scrape opened the process's shared client on this URL: close it, or it keeps jest alive.
          await getRedis()?.quit()
          delete process.env.REDIS_URL
          await queue.obliterate({ force: true })
          await queue.close()
        }
      })
    })

    describe("x-process-time", () => {
      it("is on admin, store, auth and 404 responses, in ms with one decimal", async () => {
        const responses = [
          await api.get("/admin/products", owner),
          await api.get("/admin/products", anyStatus), // 401: Medusa answers before project middlewares
          await api.get("/store/products", key),
          await api.get("/store/products", anyStatus), // 400: no publishable key
          await api.post("/auth/user/emailpass", { email: "owner@moien.test", password: "wrong" }, anyStatus),
          await api.get("/no/such/path", anyStatus),
        ]
        expect(responses.map((r) => r.status)).toEqual([200, 401, 200, 400, 401, 404])
        for (const r of responses) {
          expect(r.headers["x-process-time"]).toMatch(/^\d+\.\d$/)
        }
      })

      it("is also on the body limit's 413, answered before Medusa sees the request", async () => {
        // Declares 200 MB and sends nothing: the server hook refuses it unread.
        const reply = await new Promise<http.IncomingMessage>((resolve, reject) => {
          const req = http.request(new URL("/admin/uploads", api.defaults.baseURL), {
            method: "POST",
            headers: { ...owner.headers, "content-type": "application/octet-stream", "content-length": String(200 * 1024 * 1024) },
          }, resolve)
          req.on("error", (e: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(e.code ?? "") ? undefined : reject(e)))
          req.flushHeaders()
        })
        reply.resume()
        expect(reply.statusCode).toBe(413)
        expect(reply.headers["x-process-time"]).toMatch(/^\d+\.\d$/)
      })
    })

    describe("JSON access log", () => {
      it("writes one line per request with request id, route, status, duration and vendor id", async () => {
        const logger = getContainer().resolve<Logger>("logger")
        const spy = jest.spyOn(logger, "log")
        try {
          process.env.LOG_FORMAT = "json"
          await api.get("/admin/products", { headers: { ...owner.headers, "x-request-id": "metrics-admin-0001" } })
          await api.get(`/store/products/${productId}`, { headers: { ...key.headers, "x-request-id": "metrics-store-0001" } })
          // The line is written when the response finishes, which may be just after the client has it.
          await new Promise((r) => setTimeout(r, 50))
          const lines = spy.mock.calls.filter((c) => c[0] === "http" && (c[2] as any)?.type === "access").map((c) => c[2] as Record<string, unknown>)
          expect(lines.find((l) => l.request_id === "metrics-admin-0001")).toMatchObject({
            method: "GET",
            route: "/admin/products",
            status: 200,
            vendor_id: vendor.id,
            duration_ms: expect.any(Number),
          })
          expect(lines.find((l) => l.request_id === "metrics-store-0001")).toMatchObject({
            route: "/store/products/:id",
            status: 200,
            vendor_id: vendor.id,
          })
          process.env.LOG_FORMAT = "text"
          spy.mockClear()
          await api.get("/admin/products", owner)
          await new Promise((r) => setTimeout(r, 50))
          expect(spy.mock.calls.filter((c) => c[0] === "http")).toEqual([])
        } finally {
          spy.mockRestore()
        }
      })
    })
  },
})
