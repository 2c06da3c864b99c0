import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }
type Order = { id: string; total: number; currency_code: string; created_at: string }
type Stocked = Awaited<ReturnType<ReturnType<typeof checkoutFixtures>["stockedVariant"]>>

const today = () => new Date().toISOString().slice(0, 10)
const cents = (v: number) => Math.round(v * 100) / 100

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    // What each shop sold, as Medusa's own order API reports it (the figures are checked against these).
    const sold: Record<"a" | "b", Order[]> = { a: [], b: [] }
    let canceled: Order
    let deskLamp: Stocked
    let floorLamp: Stocked
    let chair: Stocked

    const fixtures = checkoutFixtures(api, getContainer)
    const stats = async (headers: Headers, query = "") => {
      const res = await api.get(`/admin/dashboard/stats${query}`, { ...headers, ...anyStatus })
      if (res.status !== 200) throw new Error(`GET /admin/dashboard/stats${query} → ${res.status} ${JSON.stringify(res.data)}`)
      return res.data.stats
    }
    const withTotal = async (shop: Storefront, id: string): Promise<Order> =>
      (await api.get(`/admin/orders/${id}?fields=id,total,currency_code,created_at`, shop.headers)).data.order

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      // Each shop starts with one order of its lamp (1 × 10 EUR), its lamp stocked 5 with 1 reserved,
      // and a failed import job and publish job (integration-tests/helpers/shop.ts).
      a = await fixtures.storefront(platform, "statsa")
      b = await fixtures.storefront(platform, "statsb")

      deskLamp = await fixtures.stockedVariant(a, "statsa desk lamp", 10)
      floorLamp = await fixtures.stockedVariant(a, "statsa floor lamp", 3)
      const desk = deskLamp.variant.id
      const floor = floorLamp.variant.id
      const placedA = [
        await fixtures.placeOrder(a, [{ variant_id: desk, quantity: 2 }]),
        await fixtures.placeOrder(a, [{ variant_id: desk, quantity: 1 }, { variant_id: floor, quantity: 1 }]),
      ]
      const toCancel = await fixtures.placeOrder(a, [{ variant_id: floor, quantity: 1 }])
      await api.post(`/admin/orders/${toCancel.id}/cancel`, {}, a.headers)
      canceled = await withTotal(a, toCancel.id)

      chair = await fixtures.stockedVariant(b, "statsb chair", 20)
      const placedB = [await fixtures.placeOrder(b, [{ variant_id: chair.variant.id, quantity: 4 }])]

      sold.a = await Promise.all([a.ids.order, ...placedA.map((o) => o.id)].map((id) => withTotal(a, id)))
      sold.b = await Promise.all([b.ids.order, ...placedB.map((o) => o.id)].map((id) => withTotal(b, id)))
    })

    const revenueOf = (orders: Order[]) => orders.reduce((sum, o) => sum + o.total, 0)

    describe("a vendor's figures are exactly its own", () => {
      it("orders, revenue and AOV per currency, from Medusa's order totals; the canceled order left out", async () => {
        const s = await stats(a.headers)
        const revenue = revenueOf(sold.a)
        expect(revenue).toBeGreaterThan(0)
        expect(canceled.total).toBeGreaterThan(0)
        expect(s.vendor_id).toBe(a.vendor.id)
        expect(s.orders).toEqual({ count: 3, canceled: 1 })
        expect(s.revenue).toEqual([{ currency_code: "eur", orders: 3, revenue: expect.closeTo(revenue, 6), average_order_value: cents(revenue / 3) }])
        expect(s.vendors).toBeUndefined()
      })

      it("a daily series over the default 30 days, each order on the UTC day it was placed", async () => {
        const s = await stats(a.headers)
        expect(s.range).toEqual({ from: expect.any(String), to: today(), days: 30 })
        expect(s.daily).toHaveLength(30)
        expect(s.daily[0].date).toBe(s.range.from)
        const expected: Record<string, { orders: number; revenue: number }> = {}
        for (const o of sold.a) {
          const day = (expected[o.created_at.slice(0, 10)] ??= { orders: 0, revenue: 0 })
          day.orders += 1
          day.revenue += o.total
        }
        for (const d of s.daily as { date: string; orders: number; revenue: Record<string, number> }[]) {
          const e = expected[d.date]
          expect(d).toEqual({ date: d.date, orders: e?.orders ?? 0, revenue: e ? { eur: expect.closeTo(e.revenue, 6) } : {} })
        }
        expect(s.daily.reduce((n: number, d: { orders: number }) => n + d.orders, 0)).toBe(3)
      })

      it("top products by units and by revenue (canceled lines not counted)", async () => {
        const s = await stats(a.headers)
        // Sold: desk lamp 2 + 1, the fixture lamp 1, floor lamp 1 (its second unit was canceled); all at 10 EUR.
        const ones = [a.ids.product, floorLamp.product.id].sort()
        expect(s.top_products.by_units).toEqual([
          { product_id: deskLamp.product.id, title: "statsa desk lamp", units: 3, revenue: { eur: 30 } },
          ...ones.map((id) => ({ product_id: id, title: expect.any(String), units: 1, revenue: { eur: 10 } })),
        ])
        expect(s.top_products.by_revenue.eur.map((p: { product_id: string; revenue: number }) => [p.product_id, p.revenue])).toEqual([
          [deskLamp.product.id, 30],
          ...ones.map((id) => [id, 10]),
        ])
      })

      it("low stock: levels at its warehouse with stocked − reserved ≤ the threshold", async () => {
        const s = await stats(a.headers)
        // Floor lamp: 3 stocked, 1 reserved (the canceled order's reservation released) → 2; the fixture lamp 5 − 1 → 4;
        // the desk lamp 10 − 3 → 7 is not low.
        const floor = { inventory_item_id: floorLamp.itemId, location_id: a.ids.stock_location, stocked_quantity: 3, reserved_quantity: 1, available_quantity: 2, product_id: floorLamp.product.id, product_title: "statsa floor lamp" }
        const lamp = { inventory_item_id: a.ids.inventory_item, location_id: a.ids.stock_location, stocked_quantity: 5, reserved_quantity: 1, available_quantity: 4, product_id: a.ids.product }
        expect(s.low_stock.threshold).toBe(5)
        expect(s.low_stock.count).toBe(2)
        expect(s.low_stock.items).toEqual([expect.objectContaining(floor), expect.objectContaining(lamp)])
        const three = await stats(a.headers, "?low_stock_threshold=3")
        expect([three.low_stock.count, three.low_stock.items.map((i: { inventory_item_id: string }) => i.inventory_item_id)]).toEqual([1, [floorLamp.itemId]])
        const seven = await stats(a.headers, "?low_stock_threshold=7")
        expect(seven.low_stock.items.map((i: { inventory_item_id: string }) => i.inventory_item_id)).toEqual([floorLamp.itemId, a.ids.inventory_item, deskLamp.itemId])
      })

      it("import and publish jobs by status, with the latest job and its progress", async () => {
        const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
        // A running import a quarter through its bytes (heartbeat now, so no resume job picks it up meanwhile).
        const running = await marketplace.createImportJobs({
          vendor_id: a.vendor.id, language: "fr", source_kind: "url", source_url: "https://feeds.example/statsa/fr.tsv",
          status: "running", bytes_read: 50, bytes_total: 200, rows_done: 7, heartbeat_at: new Date(),
        })
        const s = await stats(a.headers)
        expect(s.import_jobs).toMatchObject({ total: 2, by_status: { queued: 0, running: 1, succeeded: 0, partially_succeeded: 0, failed: 1, cancelled: 0 } })
        expect(s.import_jobs.last).toMatchObject({ id: running.id, status: "running", rows_done: 7, progress: 0.25 })
        expect(s.publish_jobs).toMatchObject({ total: 1, by_status: { failed: 1 }, last: { id: a.ids.publish_job, status: "failed", progress: 1 } })
        const other = await stats(b.headers)
        expect([other.import_jobs.total, other.import_jobs.last.id]).toEqual([1, b.ids.import_job])
      })

      it("a range without the orders gives zeros (stock and the latest jobs are the present state)", async () => {
        const s = await stats(a.headers, "?from=2020-01-01&to=2020-01-31")
        expect(s.range).toEqual({ from: "2020-01-01", to: "2020-01-31", days: 31 })
        expect(s.orders).toEqual({ count: 0, canceled: 0 })
        expect(s.revenue).toEqual([])
        expect(s.top_products).toEqual({ by_units: [], by_revenue: {} })
        expect(s.daily).toHaveLength(31)
        expect(s.daily.every((d: { orders: number }) => d.orders === 0)).toBe(true)
        expect(s.import_jobs.total).toBe(0)
        expect(s.import_jobs.last.id).toBe(a.ids.import_job)
        expect(s.low_stock.count).toBe(2)
        // A range that ends today holds them again.
        const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10)
        const upToToday = await stats(a.headers, `?from=${yearAgo}&to=${today()}`)
        expect([upToToday.range.days, upToToday.orders.count]).toEqual([366, 3])
      })

      it("the other shop's figures do not include A's", async () => {
        const s = await stats(b.headers)
        const revenue = revenueOf(sold.b)
        expect(s.vendor_id).toBe(b.vendor.id)
        expect(s.orders).toEqual({ count: 2, canceled: 0 })
        expect(s.revenue).toEqual([{ currency_code: "eur", orders: 2, revenue: expect.closeTo(revenue, 6), average_order_value: cents(revenue / 2) }])
        expect(s.top_products.by_units.map((p: { product_id: string; units: number }) => [p.product_id, p.units])).toEqual([
          [chair.product.id, 4],
          [b.ids.product, 1],
        ])
        expect(s.low_stock.items.map((i: { inventory_item_id: string }) => i.inventory_item_id)).toEqual([b.ids.inventory_item])
        const body = JSON.stringify(s)
        const leaked = [a.vendor.id, ...Object.values(a.ids), deskLamp.product.id, floorLamp.product.id, floorLamp.itemId].filter((id) => body.includes(id))
        expect(leaked).toEqual([])
      })

      it("a vendor user cannot ask for another vendor's figures", async () => {
        const res = await api.get(`/admin/dashboard/stats?vendor_id=${a.vendor.id}`, { ...b.headers, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
        expect((await stats(b.headers, `?vendor_id=${b.vendor.id}`)).vendor_id).toBe(b.vendor.id)
      })
    })

    describe("platform admins", () => {
      it("see every vendor's figures: totals = A + B, with the per-vendor breakdown", async () => {
        const s = await stats(platform)
        const [ra, rb] = [revenueOf(sold.a), revenueOf(sold.b)]
        expect(s.vendor_id).toBeNull()
        expect(s.orders).toEqual({ count: 5, canceled: 1 })
        expect(s.revenue).toEqual([{ currency_code: "eur", orders: 5, revenue: expect.closeTo(ra + rb, 6), average_order_value: cents((ra + rb) / 5) }])
        expect(s.vendors).toEqual([
          { vendor_id: a.vendor.id, handle: "statsa", name: "STATSA", orders: 3, canceled: 1, revenue: { eur: expect.closeTo(ra, 6) } },
          { vendor_id: b.vendor.id, handle: "statsb", name: "STATSB", orders: 2, canceled: 0, revenue: { eur: expect.closeTo(rb, 6) } },
        ])
        expect(s.top_products.by_units[0]).toMatchObject({ product_id: chair.product.id, units: 4 })
        expect(s.top_products.by_units).toHaveLength(5)
        expect(s.low_stock.count).toBe(3)
        expect(s.low_stock.items.map((i: { inventory_item_id: string; vendor_id: string }) => [i.inventory_item_id, i.vendor_id])).toEqual([
          [floorLamp.itemId, a.vendor.id],
          ...[[a.ids.inventory_item, a.vendor.id], [b.ids.inventory_item, b.vendor.id]].sort(([x], [y]) => (x < y ? -1 : 1)),
        ])
        expect(s.import_jobs.by_status.failed).toBe(2)
        expect(s.daily.reduce((n: number, d: { orders: number }) => n + d.orders, 0)).toBe(5)
      })

      it("see one vendor's figures with ?vendor_id=, the same as its team sees", async () => {
        expect(await stats(platform, `?vendor_id=${a.vendor.id}`)).toEqual(await stats(a.headers))
        const res = await api.get("/admin/dashboard/stats?vendor_id=ven_unknown", { ...platform, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([404, "VENDOR_NOT_FOUND"])
      })
    })

    describe("who may see them", () => {
      it("needs analytics.view: a Manager may, an Editor gets 403 PERMISSION_DENIED", async () => {
        const editor = await addMember(api, getContainer(), a.vendor.id, "editor@statsa.test", "editor")
        const manager = await addMember(api, getContainer(), a.vendor.id, "manager@statsa.test", "manager")
        const denied = await api.get("/admin/dashboard/stats", { ...editor.headers, ...anyStatus })
        expect([denied.status, denied.data.code]).toEqual([403, "PERMISSION_DENIED"])
        expect((await stats(manager.headers)).orders.count).toBe(3)
      })
    })

    describe("bad input", () => {
      it.each([
        ["from after to", "?from=2026-11-10&to=2026-11-01", "STATS_RANGE_INVALID"],
        ["more than a year", "?from=2024-01-01&to=2025-12-31", "STATS_RANGE_INVALID"],
        ["from after today without to", "?from=2999-01-01", "STATS_RANGE_INVALID"],
        ["a date that does not exist", "?from=2026-02-30", "INVALID_DATA"],
        ["a timestamp instead of a day", "?from=2026-11-01T10:00:00Z", "INVALID_DATA"],
        ["a negative threshold", "?low_stock_threshold=-1", "INVALID_DATA"],
        ["an unknown parameter", "?currency=eur", "INVALID_DATA"],
      ])("%s → 400", async (_, query, code) => {
        const res = await api.get(`/admin/dashboard/stats${query}`, { ...a.headers, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([400, code])
      })
    })
  },
})
