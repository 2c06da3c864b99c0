import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { getRedis } from "../../../src/lib/redis"
import { useFeedServer } from "../../helpers/feed-server"
import { waitForJob } from "../../helpers/jobs"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

const server = useFeedServer()
const FEED = [
  "id\ttitle\tdescription\tavailability\tprice\tbrand\tgtin\titem_group_id\tcolor\tsize",
  "MUG\tTasse\tPorcelaine\tin stock\t12.50 EUR\tMoien\t4006381333931\t\t\t",
].join("\n")

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let vendor: { id: string }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "moien", name: "Moien", default_language: "fr", owner: { email: "owner@moien.test", password: "password-1" } }, platform)).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/verify`, {}, platform)
      owner = await adminHeaders(api, "owner@moien.test", "password-1")
    })

    const snapshot = async () => {
      const res = await api.get("/admin/platform/monitoring", platform)
      expect(res.status).toBe(200)
      return res.data.monitoring
    }

    describe("GET /admin/platform/monitoring", () => {
      it("answers a platform admin with the checks, the process and its request figures", async () => {
        await api.get("/admin/vendors", platform)
        await api.get("/admin/products/prod_missing", { ...platform, ...anyStatus })
        const m = await snapshot()
        expect(m.status).toBe("ok")
        const checks = Object.fromEntries(m.checks.map((c: { name: string }) => [c.name, c]))
        expect(checks.database).toMatchObject({ status: "ok", required: true })
        expect(checks.database.latency_ms).toBeGreaterThanOrEqual(0)
        // Medusa's search module with the Postgres provider: its product index is listed.
        expect(checks.search).toMatchObject({ status: "ok", required: false })
        expect(checks.search.detail).toMatch(/postgres/)
        expect(checks.redis).toBeUndefined() // no REDIS_URL in this suite

        expect(m.process).toMatchObject({ role: "shared", node_version: process.version, pid: process.pid })
        expect(m.process.uptime_s).toBeGreaterThanOrEqual(0)
        expect(m.process.memory.rss_bytes).toBeGreaterThan(0)
        expect(m.db_pool.max).toBeGreaterThan(0)
        expect(m.event_bus).toEqual({ queue: "in-process", depth: 0 })
        expect(m.unavailable_metrics).toEqual([])
        expect(m.workflows).toMatchObject({ failed: expect.any(Number), by_workflow: expect.any(Array) })

        const route = (method: string, pattern: string) => m.http.routes.find((r: { method: string; route: string }) => r.method === method && r.route === pattern)
        expect(route("GET", "/admin/vendors")).toMatchObject({ requests: expect.any(Number), errors_5xx: 0, error_rate: 0 })
        expect(route("GET", "/admin/vendors").requests).toBeGreaterThanOrEqual(1)
        expect(route("GET", "/admin/vendors").p95_ms).toBeGreaterThan(0)
        expect(route("GET", "/admin/products/:id").requests).toBeGreaterThanOrEqual(1)
        expect(m.http.requests).toBeGreaterThanOrEqual(m.http.routes.length)
        // Patterns only, never a raw URL.
        expect(m.http.routes.filter((r: { route: string }) => r.route.includes("prod_missing"))).toEqual([])
      })

      it("counts every vendor's import and publish jobs by status, and the notifications that failed today", async () => {
        const before = await snapshot()
        server.feeds.set("/fr.tsv", { body: Buffer.from(FEED + "\n") })
        const started = await api.post("/admin/marketplace/imports", { language: "fr", url: server.url("/fr.tsv") }, owner)
        expect(started.status).toBe(202)
        expect((await waitForJob(api, `/admin/marketplace/imports/${started.data.import_job.id}`, "import_job", owner)).status).toBe("succeeded")
        const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
        const [staged] = await marketplace.listStagedProducts({ vendor_id: vendor.id })
        await marketplace.createPublishJobs({ vendor_id: vendor.id, status: "failed", items: { chunks: [[staged.id]] }, items_total: 1, skipped: {}, failed: {} })
        // A channel no provider serves: the notification module records it as failed (and throws).
        await expect(getContainer().resolve(Modules.NOTIFICATION).createNotifications({ to: "+352 000", channel: "sms", template: "order-placed" })).rejects.toThrow()

        const after = await snapshot()
        expect(after.jobs.import.succeeded - before.jobs.import.succeeded).toBe(1)
        expect(after.jobs.publish.failed - before.jobs.publish.failed).toBe(1)
        expect(Object.keys(after.jobs.import)).toEqual(["queued", "running", "succeeded", "partially_succeeded", "failed", "cancelled"])
        expect(after.notifications.failed_24h - before.notifications.failed_24h).toBe(1)
      })

      it("reports a service that does not answer as degraded, and still answers", async () => {
        // Nothing listens on port 1: Redis (required for readiness) and Meilisearch (optional) both fail.
        process.env.REDIS_URL = "redis://127.0.0.1:1"
        process.env.MEILISEARCH_HOST = "http://127.0.0.1:1"
        try {
          const m = await snapshot()
          expect(m.status).toBe("degraded")
          const checks = Object.fromEntries(m.checks.map((c: { name: string }) => [c.name, c]))
          expect(checks.redis).toMatchObject({ status: "failing", required: true, error: expect.any(String) })
          expect(checks.meilisearch).toMatchObject({ status: "failing", required: false })
          expect(checks.database.status).toBe("ok")
          // The queue gauge reads Redis: left out and named, the rest of the snapshot is there.
          expect(m.event_bus).toEqual({ queue: "redis", depth: null })
          expect(m.unavailable_metrics).toEqual(["maart_event_bus_queue_depth"])
          expect(m.jobs.import).toBeDefined()
        } finally {
          await getRedis()?.quit().catch(() => undefined)
          delete process.env.REDIS_URL
          delete process.env.MEILISEARCH_HOST
        }
      })

      it("refuses a vendor Owner (platform-only) and anonymous callers", async () => {
        const vendorUser = await api.get("/admin/platform/monitoring", { ...owner, ...anyStatus })
        expect([vendorUser.status, vendorUser.data.code]).toEqual([403, "PLATFORM_ADMIN_REQUIRED"])
        expect(vendorUser.data.monitoring).toBeUndefined()
        const anonymous = await api.get("/admin/platform/monitoring", anyStatus)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
