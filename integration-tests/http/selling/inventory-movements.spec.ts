import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { useFeedServer } from "../../helpers/feed-server"
import { publishAndWait } from "../../helpers/jobs"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }

const server = useFeedServer()
const FEED = [
  "id\ttitle\tdescription\tavailability\tprice\tbrand\titem_group_id\tcolor\tsize\tquantity\timage_link",
  "LEDGER-1\tTasse ledger\tPorcelaine\tin stock\t12,50 EUR\tMoien\t\t\t\t6\thttps://cdn.example/ledger-1.jpg",
].join("\n") + "\n"

/**
 * The inventory ledger: every stock change — manual adjustment, reservation at checkout,
 * fulfilment, cancellation, Letzshop publish — is a movement with its reason, actor and
 * reference, listed (scoped to the vendor) by GET /admin/inventory/movements.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    let ownerA: string
    let lamp: Awaited<ReturnType<ReturnType<typeof checkoutFixtures>["stockedVariant"]>>
    const fixtures = checkoutFixtures(api, getContainer)

    const list = async (as: Headers, qs = "") => {
      const res = await api.get(`/admin/inventory/movements${qs}`, { ...as, ...anyStatus })
      expect([res.status, res.data.type]).toEqual([200, undefined])
      return res.data as { inventory_movements: any[]; count: number }
    }
    /** Movements are written after the response (and by subscribers): wait until `qs` lists `n`. */
    async function waitFor(as: Headers, qs: string, n: number) {
      for (let i = 0; i < 100; i++) {
        const found = await list(as, qs)
        if (found.count >= n) return found.inventory_movements
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`no ${n} movements for ${qs}: ${JSON.stringify((await list(as, qs)).inventory_movements)}`)
    }
    const pick = (m: any) => [m.reason, m.stocked_delta, m.reserved_delta, m.stocked_after, m.actor_type, m.actor_id, m.reference]

    beforeAll(async () => {
      try {
        await setUp()
      } catch (e: any) {
        // An axios error does not cross jest's worker boundary: say what was answered.
        throw new Error(`${e?.config?.method} ${e?.config?.url} → ${e?.response?.status} ${JSON.stringify(e?.response?.data)}: ${e?.message}`)
      }
    })

    async function setUp() {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "ledgera")
      b = await fixtures.storefront(platform, "ledgerb")
      ownerA = (await api.get("/admin/users/me", a.headers)).data.user.id
      lamp = await fixtures.stockedVariant(a, "ledger desk lamp", 10)
      await fixtures.stockedVariant(b, "ledger desk lamp b", 4)
    }

    it("records a manual adjustment by the Owner with the user as actor and the exact delta", async () => {
      const [first] = await waitFor(a.headers, `?inventory_item_id=${lamp.itemId}&reason=adjustment`, 1)
      expect(pick(first)).toEqual(["adjustment", 10, 0, 10, "user", ownerA, expect.any(String)])
      expect([first.vendor_id, first.location_id, first.sku]).toEqual([a.vendor.id, a.ids.stock_location, lamp.variant.sku ?? null])

      await api.post(`/admin/inventory-items/${lamp.itemId}/location-levels/${a.ids.stock_location}`, { stocked_quantity: 7 }, a.headers)
      const both = await waitFor(a.headers, `?inventory_item_id=${lamp.itemId}&reason=adjustment`, 2)
      // Exactly these two, whatever their order: the set-up's movement is written after its response, and the
      // runner's snapshot (taken right after set-up) can end that write's connection and delay it under load.
      expect(both.map(pick).sort((x, y) => Number(x[3]) - Number(y[3]))).toEqual([
        ["adjustment", -3, 0, 7, "user", ownerA, expect.any(String)],
        ["adjustment", 10, 0, 10, "user", ownerA, expect.any(String)],
      ])
      expect(await fixtures.level(a, lamp.itemId)).toEqual({ stocked: 7, reserved: 0 })
    })

    it("records the reservation of a checkout, the fulfilment (stocked −n, reserved −n) and a cancellation's release", async () => {
      const shipped = await fixtures.placeOrder(a, [{ variant_id: lamp.variant.id, quantity: 2 }])
      const canceled = await fixtures.placeOrder(a, [{ variant_id: lamp.variant.id, quantity: 1 }])
      const reservations = await waitFor(a.headers, `?inventory_item_id=${lamp.itemId}&reason=reservation`, 2)
      const byOrder = (id: string) => reservations.find((m: any) => m.reference === id)
      const customerOf = async (id: string) => (await api.get(`/admin/orders/${id}?fields=customer_id`, a.headers)).data.order.customer_id
      expect(pick(byOrder(shipped.id))).toEqual(["reservation", 0, 2, null, "customer", await customerOf(shipped.id), shipped.id])
      expect(pick(byOrder(canceled.id))).toEqual(["reservation", 0, 1, null, "customer", await customerOf(canceled.id), canceled.id])

      const { order } = (await api.get(`/admin/orders/${shipped.id}?fields=*items`, a.headers)).data
      const fulfil = await api.post(`/admin/orders/${shipped.id}/fulfillments`, { items: [{ id: order.items[0].id, quantity: 2 }], location_id: a.ids.stock_location }, { ...a.headers, ...anyStatus })
      expect(fulfil.status).toBe(200)
      const [fulfilment] = await waitFor(a.headers, `?inventory_item_id=${lamp.itemId}&reason=fulfillment`, 1)
      expect(pick(fulfilment)).toEqual(["fulfillment", -2, -2, null, "user", ownerA, shipped.id])

      const cancel = await api.post(`/admin/orders/${canceled.id}/cancel`, {}, { ...a.headers, ...anyStatus })
      expect(cancel.status).toBe(200)
      const [release] = await waitFor(a.headers, `?inventory_item_id=${lamp.itemId}&reason=reservation_released`, 1)
      expect(pick(release)).toEqual(["reservation_released", 0, -1, null, "user", ownerA, canceled.id])

      // The ledger adds up to the level (each test starts from the suite's set-up: stocked 10): 10 − 2 stocked; 2 + 1 − 2 − 1 reserved.
      const all = (await list(a.headers, `?inventory_item_id=${lamp.itemId}&limit=100`)).inventory_movements
      const sum = (key: string) => all.reduce((s: number, m: any) => s + m[key], 0)
      expect({ stocked: sum("stocked_delta"), reserved: sum("reserved_delta") }).toEqual(await fixtures.level(a, lamp.itemId))
      expect(await fixtures.level(a, lamp.itemId)).toEqual({ stocked: 8, reserved: 0 })
      expect(all.map((m: any) => m.reason)).toEqual(["reservation_released", "fulfillment", "reservation", "reservation", "adjustment"])
    })

    it("records a received return (stocked +n at the return's location) with who confirmed it", async () => {
      const placed = await fixtures.placeOrder(a, [{ variant_id: lamp.variant.id, quantity: 2 }])
      const { order } = (await api.get(`/admin/orders/${placed.id}?fields=*items`, a.headers)).data
      const line = order.items[0]
      expect((await api.post(`/admin/orders/${placed.id}/fulfillments`, { items: [{ id: line.id, quantity: 2 }], location_id: a.ids.stock_location }, { ...a.headers, ...anyStatus })).status).toBe(200)
      // Medusa's return flow, by the platform admin (so this test does not lean on the returns policy).
      const admin = platform.headers
      const { return: ret } = (await api.post("/admin/returns", { order_id: placed.id, location_id: a.ids.stock_location }, { headers: admin })).data
      await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: line.id, quantity: 1 }] }, { headers: admin })
      await api.post(`/admin/returns/${ret.id}/request`, {}, { headers: admin })
      await api.post(`/admin/returns/${ret.id}/receive`, {}, { headers: admin })
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: line.id, quantity: 1 }] }, { headers: admin })
      const confirmed = await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, { headers: admin, ...anyStatus })
      expect([confirmed.status, confirmed.data.type]).toEqual([200, undefined])

      const [returned] = await waitFor(a.headers, `?inventory_item_id=${lamp.itemId}&reason=return`, 1)
      const platformUser = (await api.get("/admin/users/me", platform)).data.user.id
      expect(pick(returned)).toEqual(["return", 1, 0, null, "user", platformUser, ret.id])
      expect(await fixtures.level(a, lamp.itemId)).toEqual({ stocked: 9, reserved: 0 })
    })

    it("records a Letzshop publish as an import at the feed's quantity", async () => {
      server.feeds.set("/ledger.tsv", { body: Buffer.from(FEED) })
      const { data } = await api.post("/admin/marketplace/imports", { language: "fr", url: server.url("/ledger.tsv") }, a.headers)
      for (let i = 0; i < 300; i++) {
        const job = (await api.get(`/admin/marketplace/imports/${data.import_job.id}`, a.headers)).data.import_job
        if (!["queued", "running"].includes(job.status)) break
        await new Promise((r) => setTimeout(r, 100))
      }
      const staged = (await api.get("/admin/marketplace/staged-products?q=LEDGER-1", a.headers)).data.staged_products
      const item = staged.find((s: any) => s.external_id === "LEDGER-1")
      await api.post("/admin/marketplace/staged-products/selection", { selected: true, ids: [item.id] }, a.headers)
      const job = await publishAndWait(api, {}, a.headers)
      expect(job.status).toBe("succeeded")

      const [imported] = await waitFor(a.headers, "?reason=import&q=ledger-1", 1)
      expect(pick(imported)).toEqual(["import", 6, 0, 6, "system", null, job.id])
      expect([imported.vendor_id, imported.location_id, imported.sku]).toEqual([a.vendor.id, a.ids.stock_location, "ledgera-LEDGER-1"])

      // A re-import with a new quantity, published again: the level goes to 9, the ledger says +3.
      server.feeds.set("/ledger.tsv", { body: Buffer.from(FEED.replace("\t6\t", "\t9\t")) })
      const again = (await api.post("/admin/marketplace/imports", { language: "fr", url: server.url("/ledger.tsv") }, a.headers)).data.import_job
      for (let i = 0; i < 300; i++) {
        const job = (await api.get(`/admin/marketplace/imports/${again.id}`, a.headers)).data.import_job
        if (!["queued", "running"].includes(job.status)) break
        await new Promise((r) => setTimeout(r, 100))
      }
      const republished = await publishAndWait(api, {}, a.headers)
      expect(republished.status).toBe("succeeded")
      const [restock] = await waitFor(a.headers, "?reason=import&q=ledger-1", 2)
      expect(pick(restock)).toEqual(["import", 3, 0, 9, "system", null, republished.id])
      expect(await fixtures.level(a, imported.inventory_item_id)).toEqual({ stocked: 9, reserved: 0 })
    })

    it("shows vendor B none of A's movements; platform admins see every vendor's", async () => {
      const mine = await list(b.headers, "?limit=100")
      expect(mine.inventory_movements.every((m: any) => m.vendor_id === b.vendor.id)).toBe(true)
      expect(mine.inventory_movements.map((m: any) => m.inventory_item_id)).not.toContain(lamp.itemId)
      expect((await list(b.headers, `?inventory_item_id=${lamp.itemId}`)).count).toBe(0)
      expect((await list(b.headers, `?vendor_id=${a.vendor.id}&inventory_item_id=${lamp.itemId}`)).count).toBe(0)

      const everyone = await list(platform, `?inventory_item_id=${lamp.itemId}&limit=100`)
      const ofA = await list(a.headers, `?inventory_item_id=${lamp.itemId}&limit=100`)
      expect(everyone.inventory_movements.map((m: any) => m.id).sort()).toEqual(ofA.inventory_movements.map((m: any) => m.id).sort())
      // Each test starts from the suite's set-up: A's lamp has its one adjustment.
      expect(everyone.count).toBe(1)
      expect(mine.count).toBeGreaterThan(0)
      expect((await list(platform, "?limit=100")).inventory_movements.map((m: any) => m.vendor_id)).toEqual(expect.arrayContaining([a.vendor.id, b.vendor.id]))
      expect((await list(platform, `?vendor_id=${b.vendor.id}&inventory_item_id=${lamp.itemId}`)).count).toBe(0)
      // Append-only: the database refuses to change or remove a movement.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await expect(pg.raw("update inventory_movement set stocked_delta = 0")).rejects.toThrow(/append-only/)
      await expect(pg.raw("delete from inventory_movement")).rejects.toThrow(/append-only/)
      // Bad input answers with a code.
      const bad = await api.get("/admin/inventory/movements?reason=stolen", { ...a.headers, ...anyStatus })
      expect([bad.status, bad.data.code]).toEqual([400, expect.any(String)])
    })
  },
})
