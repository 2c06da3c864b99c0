import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { startFakeMeilisearch, type FakeMeilisearch } from "../../helpers/fake-meilisearch"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

/**
 * The Meilisearch provider (src/modules/meilisearch-search) behind the same store search: against the fake
 * Meilisearch (integration-tests/helpers/fake-meilisearch.ts), or against a real server when MEILISEARCH_HOST
 * (+ MEILISEARCH_API_KEY) is set — then the index prefix is unique to this run and the outage test is skipped.
 */
const REAL = process.env.MEILISEARCH_HOST
const PREFIX = `maart_test_${process.pid}_${Date.now().toString(36)}`
let fake: FakeMeilisearch | undefined
const fakeReady = REAL ? Promise.resolve(undefined) : startFakeMeilisearch({ port: 17700 + (process.pid % 2000) })
if (!REAL) {
  // Set before the runner loads medusa-config.ts: the provider is chosen there.
  process.env.MEILISEARCH_HOST = `http://127.0.0.1:${17700 + (process.pid % 2000)}`
  process.env.MEILISEARCH_API_KEY = "fake-master-key"
}
process.env.MEILISEARCH_INDEX_PREFIX = PREFIX
const name = REAL ? "real Meilisearch" : "fake Meilisearch"

type Headers = { headers: Record<string, string> }
type Answer = { products: { id: string; title: string; vendor_id: string }[]; count: number; facets: Record<string, any>; source: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    const fixtures = checkoutFixtures(api, getContainer)
    const host = () => process.env.MEILISEARCH_HOST!
    const meili = async (path: string) =>
      (await fetch(`${host()}${path}`, { headers: { authorization: `Bearer ${process.env.MEILISEARCH_API_KEY}` } })).json() as Promise<any>
    const search = async (shop: Storefront, query: string) => {
      const res = await api.get(`/store/search/products?${query}`, shop.key)
      return { ...(res.data as Answer), header: res.headers["x-maart-search"] }
    }
    const titles = (r: Answer) => r.products.map((p) => p.title).sort()
    async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> {
      const end = Date.now() + ms
      let last = await read()
      while (!ok(last) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 200))
        last = await read()
      }
      return last
    }
    async function product(shop: Storefront, title: string, extra: Record<string, unknown> = {}) {
      const { data } = await api.post(
        "/admin/products",
        { title, status: "published", options: [{ title: "Size", values: ["S"] }], variants: [{ title: "S", options: { Size: "S" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 42 }] }], ...extra },
        shop.headers
      )
      return data.product.id as string
    }

    beforeAll(async () => {
      fake = await fakeReady
      api.interceptors.response.use(undefined, (e) =>
        e.config?.validateStatus ? Promise.resolve(e.response) : Promise.reject(new Error(`${e.config?.method} ${e.config?.url} → ${e.response?.status} ${JSON.stringify(e.response?.data)}`))
      )
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "meilia")
      b = await fixtures.storefront(platform, "meilib")
      await product(a, "Crème brûlée set", { metadata: { brand: "Villeroy" } })
      await product(a, "Bügeleisen Pro")
      await product(a, "Crème cachée", { status: "draft" })
      await product(b, "Crème de Bretagne")
      await until(() => search(a, "q=creme"), (r) => r.count === 1 && r.products.length === 1)
    })

    afterAll(async () => {
      await fake?.close()
    })

    it(`${name}: one index per environment, settings applied (vendor_id filterable, typo tolerance)`, async () => {
      const { results } = await meili("/indexes?limit=1000")
      const own = results.map((i: { uid: string }) => i.uid).filter((uid: string) => uid.startsWith(`${PREFIX}_`))
      expect(own).toHaveLength(1)
      const settings = await meili(`/indexes/${own[0]}/settings`)
      expect(settings.filterableAttributes).toEqual(expect.arrayContaining(["vendor_id", "status", "sales_channel_ids", "category_ids", "brand", "in_stock", "price_min"]))
      expect(settings.searchableAttributes.slice(0, 1)).toEqual(["title"])
      expect(settings.typoTolerance.enabled).toBe(true)
      const provider = (getContainer().resolve(Modules.SEARCH) as any).getIndex("product").provider
      expect(provider).toBe("meilisearch")
    })

    it(`${name}: shop search answers from Meilisearch, only the shop's own published products, accents and typos`, async () => {
      const r = await search(a, "q=creme")
      expect([r.header, r.source, titles(r)]).toEqual(["search", "search", ["Crème brûlée set"]])
      expect(titles(await search(b, "q=creme"))).toEqual(["Crème de Bretagne"])
      for (const q of ["buegeleisen", "bugeleisen", "bugeleisn"]) {
        expect([q, titles(await search(a, `q=${q}`))]).toEqual([q, ["Bügeleisen Pro"]])
      }
      const all = await search(a, "")
      expect(all.facets.brand.values).toEqual([{ value: "Villeroy", count: 1 }])
      // Two products at 42 €, the shop fixtures' lamp at 10 €.
      expect(all.facets.price_min.ranges.filter((x: any) => x.count).map((x: any) => [x.key, x.count])).toEqual([["0-25", 1], ["25-50", 2]])
      expect((await api.get(`/store/search/products?vendor_id=${b.vendor.id}`, { ...a.key, ...anyStatus })).status).toBe(400)
    })

    it(`${name}: deletes reach the index`, async () => {
      const id = await product(a, "Vase éphémère")
      await until(() => search(a, "q=ephemere"), (r) => r.count === 1 && r.products.length === 1)
      await api.delete(`/admin/products/${id}`, a.headers)
      expect((await until(() => search(a, "q=ephemere"), (r) => r.count === 0 && r.products.length === 0)).count).toBe(0)
    })

    // Only against the fake: a real server cannot be stopped from here, so there the test is not defined at all.
    const outage = REAL ? undefined : it
    outage?.(`${name}: while Meilisearch is down, the shop search answers from Postgres, same scope, and says so`, async () => {
      await fake!.stop()
      try {
        const r = await search(a, "q=crème")
        expect([r.header, r.source, titles(r)]).toEqual(["fallback", "fallback", ["Crème brûlée set"]])
        expect(titles(await search(b, "q=creme"))).toEqual(["Crème de Bretagne"])
      } finally {
        await fake!.start()
      }
      expect((await search(a, "q=creme")).source).toBe("search")
    })
  },
})
