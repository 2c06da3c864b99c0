import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import { normalizeRow } from "../../../src/modules/marketplace/feed/normalize-row"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { resumeInterruptedImports } from "../../../src/workflows/marketplace/feed-import/resume-interrupted-imports"
import { useFeedServer } from "../../helpers/feed-server"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

const server = useFeedServer()
const HEADER = "id\ttitle\tdescription\tavailability\tprice\tbrand\tgtin\titem_group_id\tcolor\tsize"
const FR = [
  HEADER,
  "TS-M\tT-shirt rouge\tCoton bio\tin stock\t24,90 EUR\tMoien\t04012345678901\tTS\trouge\tM",
  "TS-L\tT-shirt rouge\tCoton bio\tout of stock\t24,90 EUR\tMoien\t04012345678918\tTS\trouge\tL",
  'MUG\tTasse\t"Porcelaine; 33 cl"\tin stock\t12.50 EUR\tMoien\t4006381333931\t\t\t',
]
const feed = (lines: string[]) => Buffer.from(lines.join("\n") + "\n")
const DONE = ["succeeded", "partially_succeeded", "failed", "cancelled"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let owner: { headers: Record<string, string> }
    let vendor: { id: string }
    const marketplace = () => getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "moien", name: "Moien", default_language: "fr", owner: { email: "owner@moien.test", password: "password-1" } }, platform)).data.vendor
      owner = await adminHeaders(api, "owner@moien.test", "password-1")
    })

    /** Starts an import and waits for its end. */
    async function importFeed(body: object) {
      const started = await api.post("/admin/marketplace/imports", body, owner)
      expect(started.status).toBe(202)
      return waitFor(started.data.import_job.id)
    }
    async function waitFor(id: string) {
      for (let i = 0; i < 300; i++) {
        const { data } = await api.get(`/admin/marketplace/imports/${id}`, owner)
        if (DONE.includes(data.import_job.status)) return data.import_job
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`import ${id} did not finish`)
    }
    const staged = async () =>
      (await marketplace().listStagedProducts({ vendor_id: vendor.id }, { order: { external_id: "ASC" } })).map((s) => ({
        id: s.external_id,
        price: Number(s.price_amount),
        title: s.title,
        gone: !!s.gone_at,
        texts: s.texts as Record<string, { title: string | null; description: string | null }>,
      }))

    it("imports a feed URL into staging in the background, with its format and progress", async () => {
      server.feeds.set("/fr.tsv", { body: feed(FR) })
      const job = await importFeed({ language: "fr", url: server.url("/fr.tsv") })
      expect(job).toMatchObject({
        status: "succeeded",
        rows_done: 3,
        rows_imported: 3,
        rows_rejected: 0,
        encoding: "utf-8",
        delimiter: "\t",
        progress: 1,
        rows_total: 3,
        rows_total_estimated: false,
        vendor_id: vendor.id,
      })
      expect(Number(job.bytes_read)).toBe(feed(FR).length)
      expect(Number(job.bytes_total)).toBe(feed(FR).length)
      expect((await staged()).map((s) => [s.id, s.price])).toEqual([["MUG", 1250], ["TS-L", 2490], ["TS-M", 2490]])
    })

    it("re-importing the same file changes nothing; a changed one updates and marks what is gone", async () => {
      server.feeds.set("/fr.tsv", { body: feed(FR) })
      await importFeed({ language: "fr", url: server.url("/fr.tsv") })
      const again = await importFeed({ language: "fr", url: server.url("/fr.tsv") })
      expect([again.rows_imported, again.rows_unchanged, again.gone]).toEqual([0, 3, 0])

      server.feeds.set("/fr.tsv", { body: feed([FR[0], FR[1].replace("24,90 EUR", "19,90 EUR"), FR[3]]) })
      const changed = await importFeed({ language: "fr", url: server.url("/fr.tsv") })
      expect([changed.rows_imported, changed.rows_unchanged, changed.gone]).toEqual([1, 1, 1])
      expect((await staged()).map((s) => [s.id, s.price, s.gone])).toEqual([["MUG", 1250, false], ["TS-L", 2490, true], ["TS-M", 1990, false]])
    })

    it("merges the German file into the same items; a disagreeing price is a warning, the French one wins", async () => {
      server.feeds.set("/fr.tsv", { body: feed(FR) })
      server.feeds.set("/de.tsv", { body: feed([HEADER, FR[1].replace("T-shirt rouge", "T-Shirt rot").replace("24,90 EUR", "29,90 EUR")]) })
      await importFeed({ language: "fr", url: server.url("/fr.tsv") })
      const de = await importFeed({ language: "de", url: server.url("/de.tsv") })
      expect([de.status, de.warnings]).toEqual(["succeeded", 1])
      const { data } = await api.get(`/admin/marketplace/imports/${de.id}/errors`, owner)
      expect(data.errors.map((e: any) => [e.line, e.code, e.severity, e.external_id])).toEqual([[2, "LANGUAGE_CONFLICT", "warning", "TS-M"]])
      const tsm = (await staged()).find((s) => s.id === "TS-M")!
      expect([tsm.price, tsm.texts.fr.title, tsm.texts.de.title]).toEqual([2490, "T-shirt rouge", "T-Shirt rot"])
      // The German run does not decide what is gone.
      expect(de.gone).toBe(0)
    })

    it("rejects bad rows with line, column and code — as JSON and as a CSV download — and imports the rest", async () => {
      server.feeds.set("/bad.tsv", { body: feed([HEADER, FR[1], "\tNo id\t\t\t1 EUR\t\t\t\t\t", "BAD-GTIN\tx\t\t\t1 EUR\t\t123\t\t\t", "BAD-PRICE\tx\t\t\tcheap\t\t\t\t\t", FR[1]]) })
      const job = await importFeed({ language: "fr", url: server.url("/bad.tsv") })
      expect([job.status, job.rows_done, job.rows_imported, job.rows_rejected]).toEqual(["partially_succeeded", 5, 1, 4])
      const { data } = await api.get(`/admin/marketplace/imports/${job.id}/errors?severity=error`, owner)
      expect(data.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([
        [3, "id", "ID_MISSING"],
        [4, "gtin", "GTIN_INVALID"],
        [5, "price", "PRICE_INVALID"],
        [6, "id", "ID_DUPLICATE"],
      ])
      const csv = await api.get(`/admin/marketplace/imports/${job.id}/errors?format=csv`, owner)
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      expect(csv.data.split("\n")[0]).toBe("line,column,code,message,value,external_id,severity")
      expect(csv.data).toContain("4,gtin,GTIN_INVALID")
    })

    it.each([
      ["a header without rows", feed([HEADER]), "IMPORT_NO_ROWS"],
      ["a file without an id column", feed(["sku\tprice", "A\t1 EUR"]), "IMPORT_HEADER_INVALID"],
      ["an empty file", Buffer.alloc(0), "IMPORT_EMPTY"],
      ["only rejected rows", feed([HEADER, "\tx\t\t\t1 EUR\t\t\t\t\t"]), "IMPORT_NOTHING_IMPORTED"],
    ])("fails, never succeeds empty, on %s", async (_, body, code) => {
      server.feeds.set("/x.tsv", { body })
      const job = await importFeed({ language: "fr", url: server.url("/x.tsv") })
      expect([job.status, job.error_code]).toEqual(["failed", code])
    })

    it("fails with IMPORT_DOWNLOAD_FAILED when the URL does not answer with the file", async () => {
      const job = await importFeed({ language: "fr", url: server.url("/missing.tsv") })
      expect([job.status, job.error_code]).toEqual(["failed", "IMPORT_DOWNLOAD_FAILED"])
    })

    it("refuses a feed on the platform's own network unless allowed (IMPORT_URL_FORBIDDEN)", async () => {
      server.feeds.set("/fr.tsv", { body: feed(FR) })
      process.env.MARKETPLACE_FEED_ALLOW_PRIVATE = "false"
      try {
        const job = await importFeed({ language: "fr", url: server.url("/fr.tsv") })
        expect([job.status, job.error_code]).toEqual(["failed", "IMPORT_URL_FORBIDDEN"])
      } finally {
        process.env.MARKETPLACE_FEED_ALLOW_PRIVATE = "true"
      }
    })

    it("imports an uploaded file (through Medusa's file module)", async () => {
      const form = new FormData()
      form.append("files", new Blob([feed(FR)], { type: "text/tab-separated-values" }), "fr.tsv")
      const upload = await api.post("/admin/uploads", form, owner)
      const job = await importFeed({ language: "fr", file_id: upload.data.files[0].id, file_name: "fr.tsv" })
      expect([job.status, job.source_kind, job.rows_imported]).toEqual(["succeeded", "file", 3])
    })

    it("refuses a request without exactly one source, or for another vendor", async () => {
      const none = await api.post("/admin/marketplace/imports", { language: "fr" }, { ...owner, ...anyStatus })
      const other = await api.post("/admin/marketplace/imports", { language: "fr", url: "https://x.example/f.tsv", vendor_id: "ven_other" }, { ...owner, ...anyStatus })
      const lang = await api.post("/admin/marketplace/imports", { language: "xx", url: "https://x.example/f.tsv" }, { ...owner, ...anyStatus })
      expect([none.data.code, other.data.code, lang.data.code]).toEqual(["IMPORT_SOURCE_REQUIRED", "OUTSIDE_VENDOR_SCOPE", "IMPORT_LANGUAGE_INVALID"])
    })

    it("cancels a running import after its current batch; what it staged stays", async () => {
      const rows = Array.from({ length: 30000 }, (_, i) => `C-${i}\tItem ${i}\t\tin stock\t1 EUR\t\t\t\t\t`)
      server.feeds.set("/slow.tsv", { body: feed([HEADER, ...rows]), chunkDelayMs: 40, chunkBytes: 16 * 1024 })
      const started = await api.post("/admin/marketplace/imports", { language: "fr", url: server.url("/slow.tsv") }, owner)
      await new Promise((r) => setTimeout(r, 300))
      const cancel = await api.post(`/admin/marketplace/imports/${started.data.import_job.id}/cancel`, {}, owner)
      expect(cancel.data.import_job.cancel_requested_at).toBeTruthy()
      const job = await waitFor(started.data.import_job.id)
      expect(job.status).toBe("cancelled")
      expect(job.rows_done).toBeLessThan(30000)
      const again = await api.post(`/admin/marketplace/imports/${job.id}/cancel`, {}, { ...owner, ...anyStatus })
      expect(again.data.code).toBe("IMPORT_NOT_CANCELLABLE")
    })

    describe("a job whose process died", () => {
      it("is run again from the start and converges with no duplicates", async () => {
        const rows = Array.from({ length: 5000 }, (_, i) => `K-${i}\tItem ${i}\t\tin stock\t${i + 1},00 EUR\t\t\t\t\t`)
        server.feeds.set("/big.tsv", { body: feed([HEADER, ...rows]) })
        // As a kill -9 leaves it: running, a heartbeat long ago, the first 3000 rows staged by run 1.
        const job = await marketplace().createImportJobs({
          vendor_id: vendor.id, language: "fr", source_kind: "url", source_url: server.url("/big.tsv"),
          status: "running", run: 1, rows_done: 3000, heartbeat_at: new Date(Date.now() - 10 * 60_000),
        })
        const columns = HEADER.split("\t")
        await marketplace().stageBatch({
          vendor_id: vendor.id, language: "fr", default_language: "fr", run_key: `${job.id}:1`,
          rows: rows.slice(0, 3000).map((r, i) => ({ ...normalizeRow(columns, r.split("\t"), i + 2).row!, line: i + 2 })),
        })
        expect(await resumeInterruptedImports(getContainer())).toEqual([job.id])
        const done = await waitFor(job.id)
        expect([done.status, done.run, done.rows_done, done.rows_imported, done.rows_unchanged]).toEqual(["succeeded", 2, 5000, 2000, 3000])
        const items = await marketplace().listStagedProducts({ vendor_id: vendor.id }, { select: ["external_id"] })
        expect([items.length, new Set(items.map((i) => i.external_id)).size]).toEqual([5000, 5000])
        // Nothing stale is left to claim.
        expect(await resumeInterruptedImports(getContainer())).toEqual([])
      })

      it("is failed, re-runnable, after three interrupted runs", async () => {
        const job = await marketplace().createImportJobs({
          vendor_id: vendor.id, language: "fr", source_kind: "url", source_url: server.url("/fr.tsv"),
          status: "running", run: 3, heartbeat_at: new Date(Date.now() - 10 * 60_000),
        })
        await resumeInterruptedImports(getContainer())
        const { data } = await api.get(`/admin/marketplace/imports/${job.id}`, owner)
        expect([data.import_job.status, data.import_job.error_code]).toEqual(["failed", "IMPORT_INTERRUPTED"])
      })
    })

    it("lists the vendor's jobs, newest first, with filters", async () => {
      server.feeds.set("/fr.tsv", { body: feed(FR) })
      await importFeed({ language: "fr", url: server.url("/fr.tsv") })
      await importFeed({ language: "fr", url: server.url("/missing.tsv") })
      const all = await api.get("/admin/marketplace/imports", owner)
      expect(all.data.import_jobs.map((j: any) => j.status)).toEqual(["failed", "succeeded"])
      const failed = await api.get("/admin/marketplace/imports?status=failed", owner)
      expect(failed.data.count).toBe(1)
    })
  },
})
