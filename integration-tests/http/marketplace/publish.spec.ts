import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useFeedServer } from "../../helpers/feed-server"
import { publishAndWait, published as totals } from "../../helpers/jobs"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(240 * 1000)

const server = useFeedServer()
const HEADER = "id\ttitle\tdescription\tavailability\tprice\tbrand\titem_group_id\tcolor\tsize\tquantity\timage_link"
// 5 T-shirts in 3 sizes each (15 rows, 5 products) and 15 single items: 20 products.
const shirts = ["rouge", "bleu", "vert", "noir", "blanc"].flatMap((color, g) =>
  ["S", "M", "L"].map((size) => `TS-${g}-${size}\tT-shirt ${color}\tCoton bio\tin stock\t24,90 EUR\tMoien\tTS-${g}\t${color}\t${size}\t${5 + g}\thttps://cdn.example/ts-${g}.jpg`)
)
const singles = Array.from({ length: 15 }, (_, i) => `MUG-${String(i).padStart(2, "0")}\tTasse ${i}\tPorcelaine\tin stock\t${10 + i},50 EUR\tMoien\t\t\t\t${i}\thttps://cdn.example/mug-${i}.jpg`)
const feed = (lines: string[]) => Buffer.from([HEADER, ...lines].join("\n") + "\n")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let owner: { headers: Record<string, string> }
    let vendor: any

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "moien", name: "Moien", default_language: "fr", owner: { email: "owner@moien.test", password: "password-1" } }, platform)).data.vendor
      await api.post(`/admin/vendors/${vendor.id}/activate`, {}, platform)
      owner = await adminHeaders(api, "owner@moien.test", "password-1")
    })

    async function importFeed(lines: string[]) {
      server.feeds.set("/fr.tsv", { body: feed(lines) })
      const { data } = await api.post("/admin/marketplace/imports", { language: "fr", url: server.url("/fr.tsv") }, owner)
      for (let i = 0; i < 300; i++) {
        const job = (await api.get(`/admin/marketplace/imports/${data.import_job.id}`, owner)).data.import_job
        if (!["queued", "running"].includes(job.status)) return job
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error("import did not finish")
    }
    const staged = async (qs = "") => (await api.get(`/admin/marketplace/staged-products?limit=200&order=external_id${qs}`, owner)).data.staged_products
    const products = async () =>
      (await api.get("/admin/products?limit=100&fields=id,title,status,handle,*variants,*variants.prices,*images,*options", owner)).data.products
    const priceOf = (list: any[], sku: string) =>
      list.flatMap((p: any) => p.variants).find((v: any) => v.sku === `moien-${sku}`)?.prices.find((p: any) => p.currency_code === "eur")?.amount

    it("done when: select 20 products, override two prices, publish, re-import a changed feed — the overrides hold", async () => {
      const first = await importFeed([...shirts, ...singles])
      expect([first.status, first.rows_imported]).toEqual(["succeeded", 30])

      // Select the 20 products: all items (5 shirts × 3 sizes and 15 mugs).
      const items = await staged()
      const selected = await api.post("/admin/marketplace/staged-products/selection", { selected: true, ids: items.map((s: any) => s.id) }, owner)
      expect(selected.data.selected_count).toBe(30)

      // Two price overrides: one by the override route, one sent with the publish.
      const mug3 = items.find((s: any) => s.external_id === "MUG-03")
      const tsM = items.find((s: any) => s.external_id === "TS-1-M")
      await api.post(`/admin/marketplace/staged-products/${mug3.id}/override`, { price_amount: 999 }, owner)
      const published = await publishAndWait(api, { overrides: { [tsM.id]: { price_amount: 1990, titles: { fr: "T-shirt bleu (édition Moien)" } } } }, owner)
      expect([published.status, totals(published)]).toEqual(["succeeded", { created: 20, updated: 0, published_items: 30, skipped: [] }])

      let catalog = await products()
      expect(catalog).toHaveLength(20)
      const shirt1 = catalog.find((p: any) => p.handle === "moien-ts-1")
      expect([shirt1.title, shirt1.status, shirt1.variants.length, shirt1.options.map((o: any) => o.title).sort()]).toEqual(["T-shirt bleu (édition Moien)", "published", 3, ["Size"]])
      expect(shirt1.images.map((i: any) => i.url)).toEqual(["https://cdn.example/ts-1.jpg"])
      expect([priceOf(catalog, "MUG-03"), priceOf(catalog, "MUG-04"), priceOf(catalog, "TS-1-M"), priceOf(catalog, "TS-1-S")]).toEqual([9.99, 14.5, 19.9, 24.9])
      // Stock from the feed's quantity at the vendor's warehouse.
      const mug4 = catalog.flatMap((p: any) => p.variants).find((v: any) => v.sku === "moien-MUG-04")
      const { data: inv } = await api.get(`/admin/inventory-items?sku=moien-MUG-04&fields=*location_levels`, owner)
      expect(inv.inventory_items[0].location_levels.map((l: any) => [l.location_id, l.stocked_quantity])).toEqual([[vendor.stock_locations[0].id, 4]])
      expect(mug4).toBeTruthy()
      // The shop sells them (its publishable key).
      const store = await api.get("/store/products?limit=50&fields=title", { headers: { "x-publishable-api-key": vendor.api_key.token }, ...anyStatus })
      expect(store.data.count).toBe(20)
      // Sellable: tied to the shipping profile the vendor's shipping options use (else checkout refuses it).
      const { data: sellable } = await api.get(`/admin/products/${shirt1.id}?fields=shipping_profile.id,shipping_profile.type`, owner)
      expect(sellable.product.shipping_profile).toMatchObject({ id: expect.stringMatching(/^sp_/), type: "default" })

      // A changed feed: new prices for the two overridden items and one other; a new title for a mug.
      const changed = [...shirts, ...singles].map((line) =>
        line.replace(/^MUG-03\t(.*)\t13,50 EUR/, "MUG-03\t$1\t15,00 EUR").replace(/^(TS-1-M\t.*)\t24,90 EUR/, "$1\t29,90 EUR").replace(/^MUG-04\tTasse 4\t(.*)\t14,50 EUR/, "MUG-04\tTasse quatre\t$1\t16,00 EUR")
      )
      const second = await importFeed(changed)
      expect([second.rows_imported, second.rows_unchanged]).toEqual([3, 27])
      expect((await staged("&has_upstream_changes=true")).map((s: any) => s.external_id)).toEqual(["MUG-03", "MUG-04", "TS-1-M"])

      // Re-publish: the feed's changes apply under the overrides, nothing is duplicated.
      const again = await publishAndWait(api, {}, owner)
      expect(again).toMatchObject({ created: 0, updated: 20, published_items: 30 })
      catalog = await products()
      expect(catalog).toHaveLength(20)
      expect([priceOf(catalog, "MUG-03"), priceOf(catalog, "TS-1-M"), priceOf(catalog, "MUG-04")]).toEqual([9.99, 19.9, 16])
      expect(catalog.find((p: any) => p.handle === "moien-ts-1").title).toBe("T-shirt bleu (édition Moien)")
      expect(catalog.find((p: any) => p.handle === "moien-mug-04").title).toBe("Tasse quatre")
      expect(await staged("&has_upstream_changes=true")).toEqual([])
    })

    it("publishes a group's items as one product, and publishing twice does not duplicate", async () => {
      await importFeed(shirts.slice(0, 3))
      const ids = (await staged()).map((s: any) => s.id)
      expect((await publishAndWait(api, { ids }, owner)).created).toBe(1)
      expect(await publishAndWait(api, { ids }, owner)).toMatchObject({ created: 0, updated: 1 })
      expect(await products()).toHaveLength(1)
    })

    it("unpublishes back to draft; another vendor's items are not touched", async () => {
      await importFeed(singles.slice(0, 2))
      const ids = (await staged()).map((s: any) => s.id)
      await publishAndWait(api, { ids }, owner)
      const res = await api.post("/admin/marketplace/unpublish", { ids: [ids[0]] }, owner)
      expect(res.data.unpublished_products).toBe(1)
      expect((await products()).map((p: any) => p.status).sort()).toEqual(["draft", "published"])

      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      await api.post("/admin/vendors", { handle: "rival", name: "Rival", owner: { email: "o@rival.test", password: "password-1" } }, platform)
      const rival = await adminHeaders(api, "o@rival.test", "password-1")
      const theirs = await publishAndWait(api, { ids }, rival)
      expect([theirs.items_total, totals(theirs)]).toEqual([0, { created: 0, updated: 0, published_items: 0, skipped: [] }])
      const override = await api.post(`/admin/marketplace/staged-products/${ids[1]}/override`, { price_amount: 1 }, { ...rival, ...anyStatus })
      expect(override.status).toBe(404)
    })
  },
})
