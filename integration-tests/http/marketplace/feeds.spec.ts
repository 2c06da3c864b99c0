import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { config as nightly } from "../../../src/jobs/reimport-letzshop-feeds"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { triggerFeedImports } from "../../../src/workflows/marketplace/feed-import/trigger-feed-imports"
import { useFeedServer } from "../../helpers/feed-server"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

const server = useFeedServer()
const HEADER = "id\ttitle\tprice"
const feedOf = (lang: string) => Buffer.from(`${HEADER}\nA1\tLampe ${lang}\t10 EUR\nA2\tVase ${lang}\t5 EUR\n`)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: { headers: Record<string, string> }
    let owner: { headers: Record<string, string> }
    let vendor: { id: string }
    const marketplace = () => getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      for (const lang of ["fr", "de", "en"]) server.feeds.set(`/${lang}.tsv`, { body: feedOf(lang) })
      vendor = (
        await api.post("/admin/vendors", { handle: "kuch", name: "Kuch", default_language: "fr", letzshop_feeds: { fr: server.url("/fr.tsv") }, owner: { email: "o@kuch.test", password: "password-1" } }, platform)
      ).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/activate`, {}, platform)
      owner = await adminHeaders(api, "o@kuch.test", "password-1")
    })

    const waitAll = async () => {
      for (let i = 0; i < 300; i++) {
        const busy = await marketplace().listImportJobs({ status: ["queued", "running"] })
        if (!busy.length) return
        await new Promise((r) => setTimeout(r, 100))
      }
    }

    it("keeps the feeds given at provisioning; the vendor configures its three URLs and imports by language", async () => {
      expect((await api.get("/admin/marketplace/feed-config", owner)).data.feed_config).toMatchObject({ urls: { fr: server.url("/fr.tsv") }, schedule_enabled: true })
      const { data } = await api.post("/admin/marketplace/feed-config", { urls: { de: server.url("/de.tsv"), en: server.url("/en.tsv") } }, owner)
      expect(Object.keys(data.feed_config.urls).sort()).toEqual(["de", "en", "fr"])
      for (const language of ["fr", "de", "en"]) {
        const started = await api.post("/admin/marketplace/imports", { language }, owner)
        expect(started.data.import_job.source_url).toBe(server.url(`/${language}.tsv`))
        await waitAll()
      }
      const [a1] = await marketplace().listStagedProducts({ vendor_id: vendor.id, external_id: "A1" })
      expect(Object.keys(a1.texts as object).sort()).toEqual(["de", "en", "fr"])
      const lb = await api.post("/admin/marketplace/imports", { language: "lb" }, { ...owner, ...anyStatus })
      expect(lb.data.code).toBe("IMPORT_SOURCE_REQUIRED")
      const removed = await api.post("/admin/marketplace/feed-config", { urls: { en: null }, schedule_enabled: false }, owner)
      expect([Object.keys(removed.data.feed_config.urls).sort(), removed.data.feed_config.schedule_enabled]).toEqual([["de", "fr"], false])
      const bad = await api.post("/admin/marketplace/feed-config", { urls: { fr: "ftp://x/y" } }, { ...owner, ...anyStatus })
      expect(bad.status).toBe(400)
    })

    it("trigger-all (platform admins only) imports every active vendor's feeds, default language first", async () => {
      await api.post("/admin/marketplace/feed-config", { urls: { de: server.url("/de.tsv") } }, owner)
      const refused = await api.post("/admin/marketplace/imports/trigger-all", {}, { ...owner, ...anyStatus })
      expect([refused.status, refused.data.code]).toEqual([403, "PLATFORM_ADMIN_REQUIRED"])
      const { data } = await api.post("/admin/marketplace/imports/trigger-all", {}, platform)
      expect(data.started.map((s: any) => [s.vendor_id, s.language])).toEqual([[vendor.id, "fr"], [vendor.id, "de"]])
      await waitAll()
      const jobs = (await api.get(`/admin/marketplace/imports?vendor_id=${vendor.id}&status=succeeded`, platform)).data.import_jobs
      expect(jobs.map((j: any) => j.language).sort()).toEqual(["de", "fr"])
    })

    it("the nightly job runs the vendors whose schedule is on, skipping feeds still importing", async () => {
      expect(nightly.schedule).toBe("0 3 * * *")
      await api.post("/admin/marketplace/feed-config", { schedule_enabled: false }, owner)
      expect((await triggerFeedImports(getContainer(), { scheduled: true, triggered_by: "schedule" })).started).toEqual([])
      await api.post("/admin/marketplace/feed-config", { schedule_enabled: true }, owner)
      await marketplace().createImportJobs({ vendor_id: vendor.id, language: "fr", source_kind: "url", source_url: server.url("/fr.tsv"), status: "running", heartbeat_at: new Date() })
      const run = await triggerFeedImports(getContainer(), { scheduled: true, triggered_by: "schedule" })
      expect([run.started.length, run.skipped.map((s) => s.language)]).toEqual([0, ["fr"]])
      const [config] = await marketplace().listFeedConfigs({ vendor_id: vendor.id })
      expect(config.last_scheduled_at).toBeTruthy()
    })
  },
})
