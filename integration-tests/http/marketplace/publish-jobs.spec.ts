import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import { normalizeRow } from "../../../src/modules/marketplace/feed/normalize-row"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { resumeInterruptedPublishes } from "../../../src/workflows/marketplace/publish-job/resume-interrupted-publishes"
import { publishStagedProductsWorkflow } from "../../../src/workflows/marketplace/workflows/publish-staged-products"
import { publishAndWait, waitForJob } from "../../helpers/jobs"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

// Two items per chunk, so a handful of items makes several chunks (read when a job is created).
process.env.MARKETPLACE_PUBLISH_CHUNK = "2"

jest.setTimeout(240 * 1000)

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let vendor: { id: string }
    const marketplace = () => getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "moien", name: "Moien", default_language: "fr", owner: { email: "owner@moien.test", password: "password-1" } }, platform)).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/activate`, {}, platform)
      owner = await adminHeaders(api, "owner@moien.test", "password-1")
    })

    /** Single feed items MUG-00… in staging (as an import leaves them); their staged ids in feed-id order. */
    async function stage(count: number, vendorId = vendor.id) {
      const columns = ["id", "title", "price", "quantity"]
      const feedIds = Array.from({ length: count }, (_, i) => `MUG-${String(i).padStart(2, "0")}`)
      await marketplace().stageBatch({
        vendor_id: vendorId, language: "fr", default_language: "fr", run_key: `test:${Date.now()}`,
        rows: feedIds.map((id, i) => ({ ...normalizeRow(columns, [id, `Tasse ${id}`, "9,90 EUR", "3"], i + 2).row!, line: i + 2 })),
      })
      const rows = await marketplace().listStagedProducts({ vendor_id: vendorId, external_id: feedIds }, { select: ["id", "external_id"] })
      return feedIds.map((f) => rows.find((r) => r.external_id === f)!.id)
    }
    const handles = async () => (await api.get("/admin/products?limit=100&fields=handle", owner)).data.products.map((p: any) => p.handle).sort()
    const jobUrl = (id: string) => `/admin/marketplace/publish-jobs/${id}`

    it("answers 202 with the queued job at once; the job publishes chunk by chunk and shows its progress", async () => {
      const ids = await stage(5)
      const res = await api.post("/admin/marketplace/publish", { ids }, owner)
      expect(res.status).toBe(202)
      expect(res.data.publish_job).toMatchObject({ vendor_id: vendor.id, items_total: 5, status: expect.stringMatching(/^(queued|running)$/) })
      expect(res.data.publish_job.progress).toBeLessThan(1)

      const job = await waitForJob(api, jobUrl(res.data.publish_job.id), "publish_job", owner)
      expect(job).toMatchObject({ status: "succeeded", items_done: 5, chunks_done: 3, created: 5, updated: 0, published_items: 5, skipped: [], failed: [], progress: 1, run: 1 })
      expect(job.requested_by).toBeTruthy()
      expect(await handles()).toEqual(["moien-mug-00", "moien-mug-01", "moien-mug-02", "moien-mug-03", "moien-mug-04"])

      const list = (await api.get("/admin/marketplace/publish-jobs", owner)).data
      expect([list.count, list.publish_jobs[0].id, list.publish_jobs[0].progress]).toEqual([1, job.id, 1])
    })

    it("runs one publish at a time per vendor: a second request gets 409 PUBLISH_JOB_RUNNING", async () => {
      const ids = await stage(4)
      // A job the vendor already has queued.
      const queued = await marketplace().createPublishJobs({ vendor_id: vendor.id, items: { chunks: [ids.slice(0, 2)] }, items_total: 2, skipped: {}, failed: {} })
      const refused = await api.post("/admin/marketplace/publish", { ids }, { ...owner, ...anyStatus })
      expect([refused.status, refused.data.code, refused.data.details?.job_id]).toEqual([409, "PUBLISH_JOB_RUNNING", queued.id])

      // Cancelling a queued job ends it at once and frees the vendor for the next one.
      const cancelled = await api.post(`${jobUrl(queued.id)}/cancel`, {}, owner)
      expect(cancelled.data.publish_job).toMatchObject({ status: "cancelled", items_done: 0 })

      // The same request sent twice at the same moment (a retry): one job starts, the other is refused.
      const both = await Promise.all([1, 2].map(() => api.post("/admin/marketplace/publish", { ids }, { ...owner, ...anyStatus })))
      expect(both.map((r) => r.status).sort()).toEqual([202, 409])
      const started = both.find((r) => r.status === 202)!.data.publish_job
      expect((await waitForJob(api, jobUrl(started.id), "publish_job", owner)).published_items).toBe(4)
      expect(await handles()).toHaveLength(4)
    })

    it("stops between chunks when cancelled; what was published stays, a finished job cannot be cancelled", async () => {
      const ids = await stage(12)
      const { publish_job } = (await api.post("/admin/marketplace/publish", { ids }, owner)).data
      const cancel = await api.post(`${jobUrl(publish_job.id)}/cancel`, {}, owner)
      expect(cancel.data.publish_job.cancel_requested_at).toBeTruthy()

      const job = await waitForJob(api, jobUrl(publish_job.id), "publish_job", owner)
      expect(job.status).toBe("cancelled")
      expect(job.items_done).toBeLessThan(12)
      expect(job.items_done).toBe(job.chunks_done * 2)
      expect(await handles()).toHaveLength(job.created)

      const again = await api.post(`${jobUrl(publish_job.id)}/cancel`, {}, { ...owner, ...anyStatus })
      expect([again.status, again.data.code]).toEqual([400, "PUBLISH_JOB_NOT_CANCELLABLE"])
    })

    it("records a failed chunk (compensated by its workflow) and goes on with the next ones", async () => {
      const ids = await stage(6)
      // A product of the vendor's own already has the handle MUG-03 would get: chunk 2 (MUG-02, MUG-03) fails.
      await api.post("/admin/products", { title: "Tasse à la main", handle: "moien-mug-03", options: [{ title: "Size", values: ["S"] }], variants: [{ title: "S", options: { Size: "S" }, prices: [{ currency_code: "eur", amount: 5 }] }] }, owner)

      const job = await publishAndWait(api, { ids }, owner)
      expect(job).toMatchObject({ status: "partially_succeeded", items_done: 6, chunks_done: 3, created: 4, published_items: 4 })
      expect(job.failed).toEqual([{ chunk: 2, staged_ids: ids.slice(2, 4), code: expect.any(String), message: expect.any(String) }])
      // MUG-02 was created in the failed chunk and removed again by its compensation.
      expect(await handles()).toEqual(["moien-mug-00", "moien-mug-01", "moien-mug-03", "moien-mug-04", "moien-mug-05"])
      const staged = await marketplace().listStagedProducts({ id: ids.slice(2, 4) }, { select: ["published_product_id"] })
      expect(staged.map((s) => s.published_product_id)).toEqual([null, null])

      // Nothing published and chunks failed: the job failed.
      const failed = await publishAndWait(api, { ids: ids.slice(2, 4) }, owner)
      expect([failed.status, failed.error_code, failed.published_items]).toEqual(["failed", "PUBLISH_FAILED", 0])
    })

    it("a job whose process died goes on from its last recorded chunk, without duplicates", async () => {
      const ids = await stage(6)
      const chunks = [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4, 6)]
      // As a kill -9 leaves it: chunk 1 recorded; chunk 2 published but not recorded yet; chunk 3 not started.
      await publishStagedProductsWorkflow(getContainer()).run({ input: { vendor_id: vendor.id, staged_ids: chunks[0] } })
      await publishStagedProductsWorkflow(getContainer()).run({ input: { vendor_id: vendor.id, staged_ids: chunks[1] } })
      const job = await marketplace().createPublishJobs({
        vendor_id: vendor.id, status: "running", run: 1, items: { chunks }, items_total: 6, chunks_done: 1, items_done: 2, created: 2, published_items: 2,
        skipped: {}, failed: {}, started_at: new Date(Date.now() - 11 * 60_000), heartbeat_at: new Date(Date.now() - 10 * 60_000),
      })

      expect(await resumeInterruptedPublishes(getContainer())).toEqual([job.id])
      const done = await waitForJob(api, jobUrl(job.id), "publish_job", owner)
      // Chunk 2 again (updated, not created twice), then chunk 3; chunk 1 not again.
      expect(done).toMatchObject({ status: "succeeded", run: 2, chunks_done: 3, items_done: 6, created: 4, updated: 2, published_items: 6 })
      expect(await handles()).toHaveLength(6)
      expect(await resumeInterruptedPublishes(getContainer())).toEqual([])

      // After three runs it is failed for good.
      const worn = await marketplace().createPublishJobs({
        vendor_id: vendor.id, status: "running", run: 3, items: { chunks }, items_total: 6, skipped: {}, failed: {}, heartbeat_at: new Date(Date.now() - 10 * 60_000),
      })
      await resumeInterruptedPublishes(getContainer())
      expect((await api.get(jobUrl(worn.id), owner)).data.publish_job).toMatchObject({ status: "failed", error_code: "PUBLISH_INTERRUPTED" })
    })

    it("keeps each vendor to its own jobs; platform admins see all and filter by vendor", async () => {
      const job = await publishAndWait(api, { ids: await stage(1) }, owner)
      await api.post("/admin/vendors", { handle: "rival", name: "Rival", owner: { email: "o@rival.test", password: "password-1" } }, platform)
      const rival = await adminHeaders(api, "o@rival.test", "password-1")

      const byId = await api.get(jobUrl(job.id), { ...rival, ...anyStatus })
      const cancel = await api.post(`${jobUrl(job.id)}/cancel`, {}, { ...rival, ...anyStatus })
      expect([byId.status, cancel.status]).toEqual([404, 404])
      const theirs = (await api.get(`/admin/marketplace/publish-jobs?vendor_id=${vendor.id}`, rival)).data
      expect([theirs.count, theirs.publish_jobs]).toEqual([0, []])

      const all = (await api.get(`/admin/marketplace/publish-jobs?vendor_id=${vendor.id}`, platform)).data
      expect(all.publish_jobs.map((j: any) => j.id)).toEqual([job.id])
    })
  },
})
