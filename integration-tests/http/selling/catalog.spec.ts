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

    type Priced = { id: string; title: string; variants: { calculated_price?: { calculated_amount?: number | null } | null }[] }
    const lowest = (p: Priced) => {
      const amounts = p.variants.map((v) => v.calculated_price?.calculated_amount).filter((n): n is number => typeof n === "number")
      return amounts.length ? Math.min(...amounts) : null
    }

    /**
     * `order=price`/`-price` through the fast path against Medusa's own answer: Medusa cannot order by price, so
     * its unordered list (same filters) is sorted here by each product's lowest calculated variant price — no
     * price, last; ties by id — and the fast path's pages must be exactly that, product for product.
     */
    async function priceSorted(shop: Storefront, filters: string, desc: boolean, pageSize: number) {
      const { stock } = await both(shop, `${filters ? `${filters}&` : ""}limit=100`)
      expect(stock.status).toBe(200)
      const dir = desc ? -1 : 1
      const expected = [...(stock.data.products as Priced[])].sort((x, y) => {
        const [px, py] = [lowest(x), lowest(y)]
        if (px === null || py === null) return px === py ? dir * x.id.localeCompare(y.id) : px === null ? 1 : -1
        return dir * (px - py) || dir * (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
      })
      const got: Priced[] = []
      for (let offset = 0; offset < expected.length + pageSize; offset += pageSize) {
        const url = `/store/products?region_id=${shop.region}&fields=*variants.calculated_price,+status&${filters ? `${filters}&` : ""}order=${desc ? "-" : ""}price&limit=${pageSize}&offset=${offset}`
        const page = await api.get(url, { ...shop.key, ...anyStatus })
        expect([filters, page.status, page.headers["x-maart-catalog"]]).toEqual([filters, 200, "fast"])
        expect([page.data.count, page.data.offset, page.data.limit]).toEqual([expected.length, offset, pageSize])
        got.push(...page.data.products)
      }
      expect(got).toEqual(expected)
      return got
    }

    it("orders by the lowest variant price in the region's currency, both ways, paged (Maart's order=price)", async () => {
      const amounts = (list: Priced[]) => list.map(lowest)
      // Shop A: two variants each (10 + i + title length), so equal prices tie and go by id.
      const cheapFirst = await priceSorted(a, "", false, 5)
      expect(amounts(cheapFirst)).toEqual([...amounts(cheapFirst)].sort((x, y) => x! - y!))
      await priceSorted(a, "", true, 4)
      await priceSorted(a, `category_id=${cat.lights}`, false, 3)
      await priceSorted(a, "q=rouge", true, 50)

      // Shop B: the prices Medusa's pricing picks — a region price over the currency's, the lowest variant, no
      // quantity tier; a product priced only in another currency comes last both ways.
      const variant = (title: string, prices: Record<string, unknown>[]) => ({ title, options: { Size: title }, manage_inventory: false, prices })
      const add = (title: string, variants: Record<string, unknown>[]) =>
        api.post("/admin/products", { title, status: "published", options: [{ title: "Size", values: variants.map((v) => v.title) }], variants }, b.headers)
      await add("Prix régional", [variant("S", [{ currency_code: "eur", amount: 5 }, { currency_code: "eur", amount: 500, rules: { region_id: b.region } }])])
      await add("Dollars seulement", [variant("S", [{ currency_code: "usd", amount: 1 }])])
      await add("Palier", [variant("S", [{ currency_code: "eur", amount: 40 }, { currency_code: "eur", amount: 1, min_quantity: 2 }])])
      await add("Deux tailles", [variant("S", [{ currency_code: "eur", amount: 70 }]), variant("M", [{ currency_code: "eur", amount: 3 }])])
      const up = await priceSorted(b, "", false, 2)
      expect(up.map((p) => [p.title, lowest(p)]).filter(([t]) => t !== "Lampe rouge de B" && !String(t).startsWith("Fixture"))).toEqual(
        expect.arrayContaining([["Deux tailles", 3], ["Palier", 40], ["Prix régional", 500]])
      )
      expect(up[0].title).toBe("Deux tailles")
      expect(up.at(-1)!.title).toBe("Dollars seulement")
      const down = await priceSorted(b, "", true, 3)
      expect(down[0].title).toBe("Prix régional")
      expect(down.at(-1)!.title).toBe("Dollars seulement")
    })

    it("leaves order=price without a region to Medusa's path", async () => {
      const res = await api.get("/store/products?order=price", { ...a.key, ...anyStatus })
      expect(res.headers["x-maart-catalog"]).toBeUndefined()
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
