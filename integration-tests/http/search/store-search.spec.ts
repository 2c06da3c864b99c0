import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }
type Answer = { products: { id: string; title: string; vendor_id: string; brand?: string; status: string }[]; count: number; facets: Record<string, any>; source: string; language: string | null }

/**
 * Shop search through Medusa's search module with the Postgres provider (docs/search.md): products are
 * indexed from their events, a shop finds only its own published products (the vendor filter comes from the
 * key), with accent folding, typo tolerance, German transliteration, facets and the shopper's language.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    const ids: Record<string, string> = {}
    let lights: string
    const fixtures = checkoutFixtures(api, getContainer)

    async function product(shop: Storefront, title: string, extra: Record<string, unknown> = {}, amount = 20) {
      const { data } = await api.post(
        "/admin/products",
        {
          title,
          status: "published",
          options: [{ title: "Size", values: ["S"] }],
          variants: [{ title: "S", sku: `${shop.vendor.handle}-${Object.keys(ids).length}`, options: { Size: "S" }, manage_inventory: false, prices: [{ currency_code: "eur", amount }] }],
          ...extra,
        },
        shop.headers
      )
      ids[title] = data.product.id
      return data.product.id as string
    }

    const search = async (shop: Storefront, query: string) => (await api.get(`/store/search/products?${query}`, shop.key)).data as Answer
    const titles = (answer: Answer) => answer.products.map((p) => p.title).sort()

    /** Indexing follows the product events: wait until the index answers as expected. */
    async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> {
      const end = Date.now() + ms
      let last = await read()
      while (!ok(last) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 200))
        last = await read()
      }
      return last
    }

    beforeAll(async () => {
      api.interceptors.response.use(undefined, (e) =>
        e.config?.validateStatus ? Promise.resolve(e.response) : Promise.reject(new Error(`${e.config?.method} ${e.config?.url} → ${e.response?.status} ${JSON.stringify(e.response?.data)}`))
      )
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "searcha")
      b = await fixtures.storefront(platform, "searchb")
      lights = (await api.post("/admin/product-categories", { name: "Lights", is_active: true }, platform)).data.product_category.id
      await product(a, "Crème brûlée set", { metadata: { brand: "Villeroy" }, categories: [{ id: lights }] }, 30)
      await product(a, "Bügeleisen Pro", { metadata: { brand: "Rowenta" } }, 80)
      await product(a, "Lampe de chevet", { categories: [{ id: lights }] }, 120)
      await product(a, "Crème cachée", { status: "draft" })
      await product(b, "Crème de Bretagne", { metadata: { brand: "Villeroy" } })
      await product(b, "Bügeleisen Basic")
      await until(() => search(a, "q=lampe"), (r) => r.count === 1 && r.products.length === 1)
    })

    it("accents fold: creme finds Crème, only the shop's own published products", async () => {
      const r = await search(a, "q=creme")
      expect(r.source).toBe("search")
      expect(titles(r)).toEqual(["Crème brûlée set"])
      expect(r.products.every((p) => p.vendor_id === a.vendor.id && p.status === "published")).toBe(true)
      expect(titles(await search(b, "q=creme"))).toEqual(["Crème de Bretagne"])
      expect(titles(await search(a, "q=brulee"))).toEqual(["Crème brûlée set"])
    })

    it("German spellings and typos: buegeleisen, bugeleisen, bugeleisn find Bügeleisen", async () => {
      for (const q of ["buegeleisen", "bugeleisen", "Bügeleisen", "bugeleisn", "bügeleisen pro"]) {
        expect([q, titles(await search(a, `q=${encodeURIComponent(q)}`))]).toEqual([q, ["Bügeleisen Pro"]])
      }
      expect(titles(await search(b, "q=buegeleisen"))).toEqual(["Bügeleisen Basic"])
    })

    it("facets: categories, brands, price ranges, stock; facet filters narrow", async () => {
      const all = await search(a, "")
      expect(all.count).toBe(4) // 3 + the fixtures' lamp; never the draft
      expect(all.facets.brand.values).toEqual(expect.arrayContaining([{ value: "Villeroy", count: 1 }, { value: "Rowenta", count: 1 }]))
      expect(all.facets.category_ids.values).toEqual([{ value: lights, count: 2 }])
      expect(all.facets.in_stock.values.find((v: any) => String(v.value) === "true")?.count).toBeGreaterThanOrEqual(3)
      expect(all.facets.price_min.ranges.find((r: any) => r.key === "100-250").count).toBe(1)
      expect(titles(await search(a, `category_id=${lights}`))).toEqual(["Crème brûlée set", "Lampe de chevet"])
      expect(titles(await search(a, "brand=Rowenta"))).toEqual(["Bügeleisen Pro"])
      expect(titles(await search(a, "price_min=50&price_max=100"))).toEqual(["Bügeleisen Pro"])
      expect(titles(await search(a, "in_stock=true&q=lampe"))).toEqual(["Lampe de chevet"])
    })

    it("the vendor filter cannot be removed or changed by the client", async () => {
      const widen = await api.get(`/store/search/products?vendor_id=${b.vendor.id}`, { ...a.key, ...anyStatus })
      expect(widen.status).toBe(400)
      // Medusa's POST /store/search: the client's filters are ANDed with the key's vendor and channel.
      const stock = await api.post(
        "/store/search",
        { entity: "product", filters: { q: "creme", $or: [{ vendor_id: b.vendor.id }, { status: "draft" }] } },
        { ...a.key, ...anyStatus }
      )
      expect(stock.status).toBe(200)
      expect(stock.data.results[0].hits.map((h: any) => h.document.vendor_id)).toEqual([])
      const own = await api.post("/store/search", { entity: "product", filters: { q: "creme" } }, a.key)
      expect(own.data.results[0].hits.map((h: any) => h.id)).toEqual([ids["Crème brûlée set"]])
      // Without a shop's key: refused by the tenancy guard.
      expect((await api.get("/store/search/products?q=creme", anyStatus)).status).toBeGreaterThanOrEqual(400)
    })

    it("language-aware: the shopper's language's texts are searched and returned", async () => {
      const translation = getContainer().resolve(Modules.TRANSLATION) as any
      await translation.createTranslations([{ reference_id: ids["Lampe de chevet"], reference: "product", locale_code: "de", translations: { title: "Nachttischlampe", description: "Für das Schlafzimmer" } }])
      await api.post(`/admin/products/${ids["Lampe de chevet"]}`, { subtitle: "Chevet" }, a.headers)
      const de = await until(() => search(a, "q=nachttischlampe&lang=de"), (r) => r.count === 1 && r.products.length === 1)
      expect([de.language, titles(de)]).toEqual(["de", ["Nachttischlampe"]])
      // The header Medusa's storefronts send works too; another language does not search German texts.
      expect(titles((await api.get("/store/search/products?q=schlafzimmer", { headers: { ...a.key.headers, "x-medusa-locale": "de-LU" } })).data)).toEqual(["Nachttischlampe"])
      expect((await search(a, "q=nachttischlampe&lang=fr")).count).toBe(0)
    })

    it("updates and deletes reach the index; vendors search their whole catalog, drafts included", async () => {
      await api.post(`/admin/products/${ids["Bügeleisen Pro"]}`, { title: "Dampfbügeleisen Pro" }, a.headers)
      // Until the renamed document is in: before it, the typo pass may already answer the old title ("bugeleisen").
      const renamed = (r: Answer) => titles(r).join() === "Dampfbügeleisen Pro" && r.count === 1
      expect(titles(await until(() => search(a, "q=dampfbugeleisen"), renamed))).toEqual(["Dampfbügeleisen Pro"])
      const vendorSide = (await api.get("/admin/catalog-search?q=creme", a.headers)).data as Answer
      expect(titles(vendorSide)).toEqual(["Crème brûlée set", "Crème cachée"])
      expect(titles((await api.get("/admin/catalog-search?q=creme", b.headers)).data)).toEqual(["Crème de Bretagne"])
      await api.delete(`/admin/products/${ids["Crème brûlée set"]}`, a.headers)
      expect((await until(() => search(a, "q=creme"), (r) => r.count === 0 && r.products.length === 0)).count).toBe(0)
      // Unpublishing takes it out of the shop's search, not the vendor's.
      await api.post(`/admin/products/${ids["Lampe de chevet"]}`, { status: "draft" }, a.headers)
      expect((await until(() => search(a, "q=chevet"), (r) => r.count === 0 && r.products.length === 0)).count).toBe(0)
      expect((await api.get("/admin/catalog-search?q=chevet", a.headers)).data.count).toBe(1)
    })
  },
})
