import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import searchReindex from "../../../src/scripts/search-reindex"
import { useFeedServer } from "../../helpers/feed-server"
import { publishAndWait } from "../../helpers/jobs"
import { adminHeaders, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(400 * 1000)

const server = useFeedServer()
const HEADER = "id\ttitle\tdescription\tavailability\tprice\tbrand\tquantity"
// The same words in every shop, so every query could match another shop's products.
const NOUNS = ["Lampe", "Crème", "Bügeleisen", "Tasse", "Vélo", "Coussin"]
const COLORS = ["rouge", "bleu", "écru", "noir"]

type Shop = { handle: string; vendor: any; owner: { headers: Record<string, string> }; key: { headers: Record<string, string> }; ids: Set<string> }

/**
 * Search isolation (docs/tenancy.md, docs/search.md): three shops with the same vocabulary, products published
 * through the Letzshop pipeline; every generated query (1–3 words, accents dropped, typos) through both store
 * search routes, with each shop's key, must return only that shop's products: 0 cross-shop hits. Then the
 * full and per-vendor reindex command rebuilds the index and the same holds.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const shops: Shop[] = []

    async function openShop(platform: { headers: Record<string, string> }, handle: string, lines: string[]) {
      const owner = { email: `owner@${handle}.test`, password: "password-1" }
      const vendor = (await api.post("/admin/vendors", { handle, name: handle, default_language: "fr", owner }, platform)).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/activate`, {}, platform)
      const headers = await adminHeaders(api, owner.email, owner.password)
      server.feeds.set(`/${handle}.tsv`, { body: Buffer.from([HEADER, ...lines].join("\n") + "\n") })
      const { data } = await api.post("/admin/marketplace/imports", { language: "fr", url: server.url(`/${handle}.tsv`) }, headers)
      for (let i = 0; i < 300; i++) {
        const job = (await api.get(`/admin/marketplace/imports/${data.import_job.id}`, headers)).data.import_job
        if (!["queued", "running"].includes(job.status)) break
        await new Promise((r) => setTimeout(r, 100))
      }
      const staged = (await api.get("/admin/marketplace/staged-products?limit=200", headers)).data.staged_products
      // Staging search (the vendor's own feed items only), then publish them all.
      expect((await api.get("/admin/marketplace/staged-products?q=lampe", headers)).data.staged_products.every((s: any) => s.title.startsWith("Lampe"))).toBe(true)
      await api.post("/admin/marketplace/staged-products/selection", { selected: true, ids: staged.map((s: any) => s.id) }, headers)
      await publishAndWait(api, {}, headers)
      const { vendor: full } = (await api.get(`/admin/vendors/${vendor.id}`, platform)).data
      const products = (await api.get("/admin/products?limit=200&fields=id", headers)).data.products
      return { handle, vendor, owner: headers, key: { headers: { "x-publishable-api-key": full.api_key.token } }, ids: new Set<string>(products.map((p: any) => p.id)) }
    }

    function queries() {
      const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      const typo = (s: string) => (s.length > 4 ? s.slice(0, 2) + s.slice(3) : s)
      const words = [...NOUNS, ...COLORS]
      const out = new Set<string>()
      for (const w of words) [w, fold(w), typo(fold(w))].forEach((q) => out.add(q))
      for (const n of NOUNS) for (const c of COLORS) { out.add(`${fold(n)} ${c}`); out.add(`${n} ${c} ${shops[0]?.handle ?? ""}`.trim()) }
      out.add("buegeleisen")
      return [...out]
    }

    async function crossShopHits() {
      let hits = 0
      let cross = 0
      for (const shop of shops) {
        for (const q of queries()) {
          const mine = (await api.get(`/store/search/products?limit=100&q=${encodeURIComponent(q)}`, shop.key)).data.products
          const stock = (await api.post("/store/search", { entity: "product", filters: { q }, pagination: { take: 100 } }, shop.key)).data.results[0].hits.map((h: any) => h.document)
          for (const p of [...mine, ...stock]) {
            hits++
            if (!shop.ids.has(p.id) || p.vendor_id !== shop.vendor.id) cross++
          }
        }
      }
      return { hits, cross }
    }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      for (const [s, handle] of ["isoa", "isob", "isoc"].entries()) {
        const lines = NOUNS.flatMap((n, i) => COLORS.map((c, j) => `${handle}-${i}-${j}\t${n} ${c} ${handle}\t${n} ${c}, fait main\tin stock\t${10 + i + j + s},50 EUR\tMarque${s}\t${j}`))
        shops.push(await openShop(platform, handle, lines))
      }
    })

    it("Letzshop-published products are searchable in their own shop: 0 cross-shop hits over generated queries", async () => {
      expect(shops.map((s) => s.ids.size)).toEqual([24, 24, 24])
      const { hits, cross } = await crossShopHits()
      expect(cross).toBe(0)
      expect(hits).toBeGreaterThan(1000) // the queries do match: each shop finds its own products
    })

    it("npm run search:reindex (all, then one vendor) rebuilds the index; isolation holds", async () => {
      const container = getContainer()
      const lines: string[] = []
      const write = process.stdout.write.bind(process.stdout)
      process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as any
      try {
        await searchReindex({ container, args: [] } as any)
        await searchReindex({ container, args: ["--vendor", "isob"] } as any)
      } finally {
        process.stdout.write = write
      }
      const progress = lines.filter((l) => l.includes("search:reindex"))
      expect(progress.some((l) => /all vendors: \d[\d,]* \/ \d[\d,]* products, \d+ docs\/s/.test(l))).toBe(true)
      expect(progress.some((l) => /isob: 24 \/ 24 products/.test(l))).toBe(true)
      const search = container.resolve(Modules.SEARCH) as any
      expect((await search.listIndexes()).map((i: any) => [i.name, i.status])).toEqual([["product", "ready"]])
      const { cross, hits } = await crossShopHits()
      expect([cross, hits > 1000]).toEqual([0, true])
    })
  },
})
