import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import { normalizeRow } from "../../../src/modules/marketplace/feed/normalize-row"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { publishStagedProductsWorkflow } from "../../../src/workflows/marketplace/workflows/publish-staged-products"
import { useFeedServer } from "../../helpers/feed-server"
import { publishAndWait } from "../../helpers/jobs"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(240 * 1000)

type Headers = { headers: Record<string, string> }

const server = useFeedServer()
const HEADER = "id\ttitle\tdescription\tprice\tsale_price\titem_group_id\tcolor\tsize\tquantity\tproduct_type"
const tsv = (lines: string[]) => Buffer.from([HEADER, ...lines].join("\n") + "\n")
// A T-shirt in two sizes (on sale) and a mug, in French (the vendor's language), German and English.
const FR = [
  "TS-1-S\tT-shirt Moien\tCoton bio\t24,90 EUR\t19,90 EUR\tTS-1\trouge\tS\t5\tVêtements > T-shirts",
  "TS-1-M\tT-shirt Moien\tCoton bio\t24,90 EUR\t19,90 EUR\tTS-1\trouge\tM\t6\tVêtements > T-shirts",
  "MUG-1\tTasse Gëlle Fra\tPorcelaine\t12,50 EUR\t\t\t\t\t3\tMaison > Cuisine",
]
const texts = (titles: [string, string]) => [
  `TS-1-S\t${titles[0]}\t\t24,90 EUR\t\tTS-1\t\t\t\t`,
  `TS-1-M\t${titles[0]}\t\t24,90 EUR\t\tTS-1\t\t\t\t`,
  `MUG-1\t${titles[1]}\t\t12,50 EUR\t\t\t\t\t\t`,
]
const DE = texts(["T-Shirt Moien", "Tasse Gëlle Fra (DE)"])
const EN = texts(["Moien T-shirt", "Golden Lady mug"])

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let vendor: any
    let key: Headers
    let regionId: string

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "moien", name: "Moien", default_language: "fr", owner: { email: "owner@moien.test", password: "password-1" } }, platform)).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/activate`, {}, platform)
      owner = await adminHeaders(api, "owner@moien.test", "password-1")
      key = { headers: { "x-publishable-api-key": vendor.api_key.token } }
      regionId = (await api.get("/store/regions", key)).data.regions[0].id
    })

    async function importFeed(language: string, lines: string[]) {
      server.feeds.set(`/${language}.tsv`, { body: tsv(lines) })
      const { data } = await api.post("/admin/marketplace/imports", { language, url: server.url(`/${language}.tsv`) }, owner)
      for (let i = 0; i < 300; i++) {
        const job = (await api.get(`/admin/marketplace/imports/${data.import_job.id}`, owner)).data.import_job
        if (!["queued", "running"].includes(job.status)) {
          expect(job.status).toBe("succeeded")
          return job
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error("import did not finish")
    }
    // Publishes every staged item of the vendor.
    const publishAll = async () => {
      const ids = (await api.get("/admin/marketplace/staged-products?limit=200", owner)).data.staged_products.map((s: any) => s.id)
      return publishAndWait(api, { ids }, owner)
    }
    const storeProducts = async (qs: string) =>
      (await api.get(`/store/products?limit=50&order=handle&${qs}`, { ...key, ...anyStatus })).data.products as any[]
    const prices = async () =>
      Object.fromEntries(
        (await storeProducts(`region_id=${regionId}&fields=handle,variants.sku,*variants.calculated_price`)).flatMap((p) =>
          p.variants.map((v: any) => [v.sku, [v.calculated_price.calculated_amount, v.calculated_price.original_amount, v.calculated_price.calculated_price?.price_list_type ?? null]])
        )
      )
    const adminProduct = async (handle: string) =>
      (await api.get(`/admin/products?handle=${handle}&fields=id,title,*categories,*variants,*variants.options,*options,*options.values`, owner)).data.products[0]

    it("done when: the shop's Store API answers in the asked language, files products under their product_type and shows sale prices; re-publishing converges", async () => {
      await importFeed("fr", FR)
      await importFeed("de", DE)
      await importFeed("en", EN)
      const first = await publishAll()
      expect([first.status, first.created, first.published_items, first.skipped]).toEqual(["succeeded", 2, 3, []])

      // Translations: the Store API with the vendor's key, by locale (query parameter or x-medusa-locale header).
      const titles = async (qs = "", headers: Record<string, string> = {}) =>
        (await api.get(`/store/products?order=handle&fields=handle,title,description${qs}`, { headers: { ...key.headers, ...headers } })).data.products.map((p: any) => [p.handle, p.title])
      expect(await titles()).toEqual([["moien-mug-1", "Tasse Gëlle Fra"], ["moien-ts-1", "T-shirt Moien"]])
      expect(await titles("&locale=de")).toEqual([["moien-mug-1", "Tasse Gëlle Fra (DE)"], ["moien-ts-1", "T-Shirt Moien"]])
      expect(await titles("", { "x-medusa-locale": "en" })).toEqual([["moien-mug-1", "Golden Lady mug"], ["moien-ts-1", "Moien T-shirt"]])
      // No German description in the feed: the French one shows.
      const mugDe = (await storeProducts("locale=de&fields=handle,description,*variants")).find((p) => p.handle === "moien-mug-1")
      expect([mugDe.description, mugDe.variants[0].title]).toEqual(["Porcelaine", "Tasse Gëlle Fra (DE)"])

      // Categories: the platform tree from product_type, the leaf on the product, listed by the shop.
      const { data: cats } = await api.get("/admin/product-categories?limit=50&fields=id,handle,name,parent_category_id", platform)
      const byHandle = Object.fromEntries(cats.product_categories.map((c: any) => [c.handle, c]))
      expect(Object.keys(byHandle).sort()).toEqual(["maison", "maison--cuisine", "vetements", "vetements--t-shirts"])
      expect([byHandle["vetements--t-shirts"].name, byHandle["vetements--t-shirts"].parent_category_id]).toEqual(["T-shirts", byHandle.vetements.id])
      expect((await adminProduct("moien-ts-1")).categories.map((c: any) => c.handle)).toEqual(["vetements--t-shirts"])
      const shopCats = (await api.get("/store/product-categories?fields=handle", key)).data.product_categories.map((c: any) => c.handle).sort()
      expect(shopCats).toEqual(["maison", "maison--cuisine", "vetements", "vetements--t-shirts"])

      // Sale prices: the variant keeps its regular price, the vendor's sale price list has the sale.
      expect(await prices()).toEqual({ "moien-TS-1-S": [19.9, 24.9, "sale"], "moien-TS-1-M": [19.9, 24.9, "sale"], "moien-MUG-1": [12.5, 12.5, null] })
      const { data: lists } = await api.get("/admin/price-lists?fields=id,type,status,*prices", platform)
      expect(lists.price_lists.map((l: any) => [l.type, l.status, l.prices.length])).toEqual([["sale", "active", 2]])
      // A sale-price override on the mug puts it on sale too.
      const staged = (await api.get("/admin/marketplace/staged-products?limit=50&order=external_id", owner)).data.staged_products
      const idOf = Object.fromEntries(staged.map((s: any) => [s.external_id, s.id]))
      await api.post(`/admin/marketplace/staged-products/${idOf["MUG-1"]}/override`, { sale_price_amount: 999, titles: { en: "Golden Lady cup" } }, owner)

      // A changed feed: the sale ends, the group grows by an XL (a new option value), the German title changes.
      await importFeed("fr", [
        ...FR.map((l) => l.replace("\t19,90 EUR\t", "\t\t")),
        "TS-1-XL\tT-shirt Moien\tCoton bio\t26,90 EUR\t\tTS-1\trouge\tXL\t2\tVêtements > T-shirts",
      ])
      await importFeed("de", [...DE.map((l) => l.replace("T-Shirt Moien", "T-Shirt Moien (neu)")), "TS-1-XL\tT-Shirt Moien (neu)\t\t26,90 EUR\t\tTS-1\t\t\t\t"])
      const again = await publishAll()
      expect([again.status, again.created, again.updated, again.published_items, again.skipped]).toEqual(["succeeded", 0, 2, 4, []])

      const shirt = await adminProduct("moien-ts-1")
      expect(shirt.variants.map((v: any) => v.sku).sort()).toEqual(["moien-TS-1-M", "moien-TS-1-S", "moien-TS-1-XL"])
      expect(shirt.options.map((o: any) => [o.title, o.values.map((v: any) => v.value).sort()])).toEqual([["Size", ["M", "S", "XL"]]])
      expect(shirt.categories.map((c: any) => c.handle)).toEqual(["vetements--t-shirts"])
      const { data: inv } = await api.get(`/admin/inventory-items?sku=moien-TS-1-XL&fields=*location_levels`, owner)
      expect(inv.inventory_items[0].location_levels.map((l: any) => [l.location_id, l.stocked_quantity])).toEqual([[vendor.stock_locations[0].id, 2]])
      expect(await prices()).toEqual({ "moien-TS-1-S": [24.9, 24.9, null], "moien-TS-1-M": [24.9, 24.9, null], "moien-TS-1-XL": [26.9, 26.9, null], "moien-MUG-1": [9.99, 12.5, "sale"] })
      expect(await titles("&locale=de")).toEqual([["moien-mug-1", "Tasse Gëlle Fra (DE)"], ["moien-ts-1", "T-Shirt Moien (neu)"]])
      expect(await titles("&locale=en")).toEqual([["moien-mug-1", "Golden Lady cup"], ["moien-ts-1", "Moien T-shirt"]])

      // Publishing the same items again: nothing new anywhere.
      const counts = async () => {
        const c = getContainer()
        return [
          (await c.resolve(Modules.PRODUCT).listProducts({})).length,
          (await c.resolve(Modules.PRODUCT).listProductVariants({})).length,
          (await c.resolve(Modules.PRODUCT).listProductCategories({})).length,
          (await c.resolve(Modules.PRICING).listPriceLists({})).length,
          (await c.resolve(Modules.PRICING).listPrices({ price_list_id: [(await c.resolve(Modules.PRICING).listPriceLists({}))[0].id] })).length,
          (await c.resolve(Modules.TRANSLATION).listTranslations({})).length,
        ]
      }
      const before = await counts()
      expect(before).toEqual([2, 4, 4, 1, 1, 6])
      expect(await publishAll()).toMatchObject({ status: "succeeded", created: 0, updated: 2, published_items: 4 })
      expect(await counts()).toEqual(before)

      // Another shop sees neither the products nor their categories nor their translations.
      await api.post("/admin/vendors", { handle: "rival", name: "Rival", owner: { email: "o@rival.test", password: "password-1" } }, platform)
      const rival = (await api.get("/admin/vendors?handle=rival&fields=id,*api_key", platform)).data.vendors[0]
      await api.post(`/admin/vendors/${rival.id}/activate`, {}, platform)
      const rivalKey = { headers: { "x-publishable-api-key": (await api.get(`/admin/vendors/${rival.id}`, platform)).data.vendor.api_key.token } }
      expect((await api.get("/store/products?locale=de", rivalKey)).data.products).toEqual([])
      expect((await api.get("/store/product-categories", rivalKey)).data.product_categories).toEqual([])
      expect((await api.get("/admin/translations", { ...owner, ...anyStatus })).status).toBe(403)
    })

    it("a group whose options change shape is reported, not half-published; publishing a new item alone grows its product", async () => {
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      const columns = ["id", "title", "price", "item_group_id", "color", "size", "product_type"]
      const stage = async (rows: string[][]) => {
        await marketplace.stageBatch({
          vendor_id: vendor.id, language: "fr", default_language: "fr", run_key: `test:${Date.now()}:${Math.random()}`,
          rows: rows.map((cells, i) => ({ ...normalizeRow(columns, cells, i + 2).row!, line: i + 2 })),
        } as any)
        return Object.fromEntries(
          (await marketplace.listStagedProducts({ vendor_id: vendor.id, external_id: rows.map((r) => r[0]) }, { select: ["id", "external_id"] })).map((s) => [s.external_id, s.id])
        )
      }
      const publish = async (ids: string[]) => (await publishStagedProductsWorkflow(getContainer()).run({ input: { vendor_id: vendor.id, staged_ids: ids } })).result

      const ids = await stage([
        ["SW-S", "Sweat", "40 EUR", "SW", "bleu", "S", "Vêtements > Sweats"],
        ["SW-M", "Sweat", "40 EUR", "SW", "bleu", "M", "Vêtements > Sweats"],
      ])
      expect(await publish(Object.values(ids))).toMatchObject({ created: 1, published_items: 2, skipped: [] })
      // Only the new item, on its own: its published siblings still shape the options.
      const grown = await stage([["SW-L", "Sweat", "40 EUR", "SW", "bleu", "L", "Vêtements > Sweats"]])
      expect(await publish([grown["SW-L"]])).toMatchObject({ created: 0, updated: 1, published_items: 1, skipped: [] })
      expect((await adminProduct("moien-sw")).variants.map((v: any) => [v.sku, v.options.map((o: any) => o.value)]).sort()).toEqual([
        ["moien-SW-L", ["L"]], ["moien-SW-M", ["M"]], ["moien-SW-S", ["S"]],
      ])
      // A red one: colour now differs inside the group, the product's options (Size) do not have it.
      const red = await stage([["SW-RED-S", "Sweat", "40 EUR", "SW", "rouge", "S", "Vêtements > Sweats"]])
      const result = await publish([...Object.values(ids), grown["SW-L"], red["SW-RED-S"]])
      expect(result).toMatchObject({ created: 0, updated: 1, published_items: 3 })
      expect(result.skipped).toEqual([
        { staged_id: red["SW-RED-S"], reason: "The group now has options [Color, Size] but the published product has [Size]: delete the product and publish the group again." },
      ])
      expect((await adminProduct("moien-sw")).variants).toHaveLength(3)
    })

    it("a chunk that fails leaves no category behind that it created", async () => {
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      const products = getContainer().resolve(Modules.PRODUCT)
      // The SKU the item would get is taken: creating its product fails after its categories were made.
      await products.createProducts([{ title: "Taken", handle: "taken", options: [{ title: "Size", values: ["S"] }], variants: [{ title: "S", sku: "moien-SAW-1", options: { Size: "S" } }] }])
      const columns = ["id", "title", "price", "sale_price", "product_type"]
      await marketplace.stageBatch({
        vendor_id: vendor.id, language: "fr", default_language: "fr", run_key: "test:saw",
        rows: [{ ...normalizeRow(columns, ["SAW-1", "Scie", "30 EUR", "20 EUR", "Jardin > Outils"], 2).row!, line: 2 }],
      } as any)
      const [item] = await marketplace.listStagedProducts({ vendor_id: vendor.id, external_id: "SAW-1" })
      const run = publishStagedProductsWorkflow(getContainer()).run({ input: { vendor_id: vendor.id, staged_ids: [item.id] }, throwOnError: true })
      const error = await run.then(() => null, (e: any) => e)
      expect(String(error?.message ?? JSON.stringify(error))).toMatch(/sku/i)
      expect(await products.listProductCategories({ handle: ["jardin", "jardin--outils"] })).toEqual([])
      expect(await getContainer().resolve(Modules.PRICING).listPriceLists({})).toEqual([])
      expect((await marketplace.listStagedProducts({ id: item.id }))[0].published_product_id).toBeNull()
    })

    it("simultaneous publishes of two shops with the same product_type make one category tree", async () => {
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      const columns = ["id", "title", "price", "product_type"]
      const shops = await Promise.all(
        ["alpha", "beta", "gamma"].map(async (handle) => {
          const v = (await api.post("/admin/vendors", { handle, name: handle, default_language: "fr", owner: { email: `o@${handle}.test`, password: "password-1" } }, platform)).data.vendor
          await api.post(`/admin/vendors/${v.id}/activate`, {}, platform)
          await marketplace.stageBatch({
            vendor_id: v.id, language: "fr", default_language: "fr", run_key: `test:${handle}`,
            rows: [1, 2].map((n) => ({ ...normalizeRow(columns, [`LAMP-${n}`, `Lampe ${n}`, "30 EUR", "Maison > Éclairage > Lampes"], n + 1).row!, line: n + 1 })),
          } as any)
          return { id: v.id, staged: (await marketplace.listStagedProducts({ vendor_id: v.id }, { select: ["id"] })).map((s) => s.id) }
        })
      )
      const results = await Promise.all(shops.map((s) => publishStagedProductsWorkflow(getContainer()).run({ input: { vendor_id: s.id, staged_ids: s.staged } })))
      expect(results.map((r) => r.result.created)).toEqual([2, 2, 2])
      const lamps = await getContainer().resolve(Modules.PRODUCT).listProductCategories({ handle: ["maison", "maison--eclairage", "maison--eclairage--lampes"] }, { relations: ["products"] })
      expect(lamps.map((c) => [c.handle, c.products?.length ?? 0]).sort()).toEqual([["maison", 0], ["maison--eclairage", 0], ["maison--eclairage--lampes", 6]])
    })
  },
})
