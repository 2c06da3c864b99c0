import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }

/**
 * The fast catalog path (src/api/store/products/middlewares.ts) answers
 * GET /store/products exactly as Medusa's own path does: each query is asked
 * twice, once through the fast path and once with MAART_FAST_CATALOG=0 (the
 * server runs in this process and reads the switch per request), and the two
 * answers must be equal — products with their calculated prices, count, offset,
 * limit. The `x-maart-catalog: fast` header proves which path answered.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    const cat: Record<string, string> = {}
    const products: Record<string, string> = {}
    const fixtures = checkoutFixtures(api, getContainer)

    async function product(shop: Storefront, body: Record<string, unknown>) {
      const { data } = await api.post(
        "/admin/products",
        {
          status: "published",
          options: [{ title: "Size", values: ["S", "M"] }],
          variants: ["S", "M"].map((size, i) => ({
            title: size,
            sku: `${body.sku ?? body.title}-${size}`.toUpperCase().replace(/\s+/g, "-"),
            options: { Size: size },
            manage_inventory: false,
            prices: [{ currency_code: "eur", amount: 10 + i + String(body.title).length }],
          })),
          ...body,
          sku: undefined,
        },
        shop.headers
      )
      products[body.title as string] = data.product.id
      return data.product.id as string
    }

    /** The same query through both paths. */
    async function both(shop: Storefront, query: string) {
      const url = `/store/products?region_id=${shop.region}&fields=*variants.calculated_price,+status${query ? `&${query}` : ""}`
      const fast = await api.get(url, { ...shop.key, ...anyStatus })
      process.env.MAART_FAST_CATALOG = "0"
      try {
        const stock = await api.get(url, { ...shop.key, ...anyStatus })
        expect(stock.headers["x-maart-catalog"]).toBeUndefined()
        return { fast, stock }
      } finally {
        delete process.env.MAART_FAST_CATALOG
      }
    }

    async function same(shop: Storefront, query: string) {
      const { fast, stock } = await both(shop, query)
      expect([query, fast.status, fast.headers["x-maart-catalog"]]).toEqual([query, 200, "fast"])
      expect(stock.status).toBe(200)
      expect(fast.data).toEqual(stock.data)
      return fast.data as { products: { id: string; title: string; status: string }[]; count: number; offset: number; limit: number }
    }

    beforeAll(async () => {
      api.interceptors.response.use(undefined, (e) =>
        Promise.reject(new Error(`${e.config?.method} ${e.config?.url} → ${e.response?.status} ${JSON.stringify(e.response?.data)}`))
      )
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "cataloga")
      b = await fixtures.storefront(platform, "catalogb")
      for (const name of ["lights", "deco"]) {
        cat[name] = (await api.post("/admin/product-categories", { name, is_active: true }, platform)).data.product_category.id
      }
      cat.tag = (await api.post("/admin/product-tags", { value: "handmade" }, platform)).data.product_tag.id
      cat.collection = (await api.post("/admin/collections", { title: "Hiver" }, platform)).data.collection.id
      cat.type = (await api.post("/admin/product-types", { value: "Lampe" }, platform)).data.product_type.id

      // One by one, so created_at differs between products.
      await product(a, { title: "Lampe rouge", categories: [{ id: cat.lights }], tags: [{ id: cat.tag }], collection_id: cat.collection, type_id: cat.type })
      await product(a, { title: "Vase bleu", categories: [{ id: cat.deco }] })
      await product(a, { title: "Bougie verte", sku: "rouge sku", categories: [{ id: cat.deco }] })
      await product(a, { title: "Coussin", subtitle: "Rouge passion", categories: [{ id: cat.lights }, { id: cat.deco }] })
      await product(a, { title: "Applique", description: "Une teinte rouge sombre", collection_id: cat.collection })
      for (const title of ["Abat-jour", "Guirlande", "Miroir", "Plaid", "Tapis", "Horloge", "Étagère"]) {
        await product(a, { title, categories: [{ id: cat.lights }], type_id: cat.type })
      }
      await product(a, { title: "Lampe rouge brouillon", status: "draft", categories: [{ id: cat.lights }], tags: [{ id: cat.tag }] })
      await product(b, { title: "Lampe rouge de B", categories: [{ id: cat.lights }], tags: [{ id: cat.tag }], collection_id: cat.collection, type_id: cat.type })
    })

    it("default list, limit/offset/count, and pages past the end", async () => {
      const all = await same(a, "")
      expect(all.count).toBe(13) // 12 published + the fixtures' lamp
      expect([all.offset, all.limit]).toEqual([0, 50])
      const paged: string[] = []
      for (const offset of [0, 5, 10]) {
        const page = await same(a, `limit=5&offset=${offset}`)
        expect([page.count, page.offset, page.limit]).toEqual([13, offset, 5])
        paged.push(...page.products.map((p) => p.id))
      }
      expect(paged).toEqual(all.products.map((p) => p.id))
      const past = await same(a, "limit=5&offset=100")
      expect([past.products, past.count, past.offset]).toEqual([[], 13, 100])
    })

    it("q on title, subtitle, description and variant sku", async () => {
      const found = await same(a, "q=rouge")
      expect(found.products.map((p) => p.title).sort()).toEqual(["Applique", "Bougie verte", "Coussin", "Lampe rouge"])
      expect((await same(a, "q=ROUGE-SKU")).products.map((p) => p.title)).toEqual(["Bougie verte"])
      expect((await same(a, "q=nothing-like-this")).count).toBe(0)
    })

    it("category, collection, tag, type, handle and id filters", async () => {
      expect((await same(a, `category_id=${cat.lights}`)).count).toBe(9)
      expect((await same(a, `category_id[]=${cat.lights}&category_id[]=${cat.deco}`)).count).toBe(11)
      expect((await same(a, `category_id=${cat.deco}&limit=2&offset=1&order=title`)).products.map((p) => p.title)).toEqual(["Coussin", "Vase bleu"])
      expect((await same(a, `collection_id=${cat.collection}`)).count).toBe(2)
      expect((await same(a, `tag_id=${cat.tag}`)).products.map((p) => p.title)).toEqual(["Lampe rouge"])
      expect((await same(a, `type_id=${cat.type}`)).count).toBe(8)
      expect((await same(a, "handle=vase-bleu")).products.map((p) => p.title)).toEqual(["Vase bleu"])
      expect((await same(a, `id[]=${products["Vase bleu"]}&id[]=${products.Coussin}`)).count).toBe(2)
      expect((await same(a, `q=rouge&category_id=${cat.lights}&order=-title`)).products.map((p) => p.title)).toEqual(["Lampe rouge", "Coussin"])
    })

    it("orders by title and created_at, both ways", async () => {
      // The database's collation decides (É, hyphens): equality with Medusa's answer is the check.
      const byTitle = await same(a, "order=title")
      expect((await same(a, "order=-title&limit=4")).products.map((p) => p.title)).toEqual([...byTitle.products.map((p) => p.title)].reverse().slice(0, 4))
      const newest = await same(a, "order=-created_at&limit=3")
      expect(newest.products.map((p) => p.title)).toEqual(["Étagère", "Horloge", "Tapis"])
      await same(a, "order=created_at&limit=4&offset=2")
    })

    it("never shows another shop's product or a draft", async () => {
      for (const query of ["q=rouge", `category_id=${cat.lights}`, `tag_id=${cat.tag}`, `collection_id=${cat.collection}`, "order=-created_at"]) {
        const list = await same(a, query)
        expect(list.products.map((p) => p.id)).not.toContain(products["Lampe rouge de B"])
        expect(list.products.map((p) => p.id)).not.toContain(products["Lampe rouge brouillon"])
        expect(list.products.every((p) => p.status === "published")).toBe(true)
      }
      expect((await same(a, `id=${products["Lampe rouge de B"]}`)).count).toBe(0)
      expect((await same(a, `id=${products["Lampe rouge brouillon"]}`)).count).toBe(0)
      expect((await same(a, "handle=lampe-rouge-de-b")).products).toEqual([])
      const fromB = await same(b, `tag_id=${cat.tag}`)
      expect(fromB.products.map((p) => p.id)).toEqual([products["Lampe rouge de B"]])
    })

    it("leaves what it does not answer exactly to Medusa's path", async () => {
      for (const query of [`created_at[$gte]=2020-01-01`, "order=variants.title", "limit=0", "sales_channel_id=" + a.ids.sales_channel]) {
        const { fast, stock } = await both(a, query)
        expect([query, fast.headers["x-maart-catalog"]]).toEqual([query, undefined])
        expect([fast.status, fast.data]).toEqual([stock.status, stock.data])
      }
      const invalid = await api.get(`/store/products?limit=abc`, { ...a.key, ...anyStatus })
      expect([invalid.status, invalid.headers["x-maart-catalog"]]).toEqual([400, undefined])
    })
  },
})
