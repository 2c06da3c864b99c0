import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }

/**
 * Retried writes with an `Idempotency-Key` (src/api/idempotency.ts): a retried refund, product creation or cart
 * completion answers the first request's result instead of doing it twice; keys belong to their sender.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    const fixtures = checkoutFixtures(api, getContainer)
    const post = (url: string, body: object, as: Headers, key?: string) =>
      api.post(url, body, { ...anyStatus, headers: { ...as.headers, ...(key ? { "idempotency-key": key } : {}) } })
    const productBody = (shop: Storefront, title: string) => ({
      title,
      status: "published",
      sales_channels: [{ id: shop.ids.sales_channel }],
      options: [{ title: "Size", values: ["M"] }],
      variants: [{ title: "M", options: { Size: "M" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 10 }] }],
    })
    const productsTitled = async (shop: Storefront, title: string) =>
      (await api.get(`/admin/products?q=${encodeURIComponent(title)}&fields=id,title`, shop.headers)).data.products.filter((p: { title: string }) => p.title === title)

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "idema")
      b = await fixtures.storefront(platform, "idemb")
    })

    it("a retried refund answers the first refund again instead of refunding twice", async () => {
      const lamp = await fixtures.stockedVariant(a, "idema reading light", 5)
      const order = await fixtures.placeOrder(a, [{ variant_id: lamp.variant.id, quantity: 2 }], { email: "zoe@example.test" })
      const { order: read } = (await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, a.headers)).data
      const payment = read.payment_collections[0].payments[0]
      expect((await post(`/admin/payments/${payment.id}/capture`, {}, a.headers)).status).toBe(200)

      const refund = () => post(`/admin/payments/${payment.id}/refund?fields=*refunds`, { amount: 5, note: "scratched" }, a.headers, "refund-7f3a")
      const first = await refund()
      const again = await refund()
      expect([first.status, first.headers["idempotent-replayed"]]).toEqual([200, undefined])
      expect([again.status, again.headers["idempotent-replayed"], again.data]).toEqual([200, "true", first.data])
      const { payment: after } = (await api.get(`/admin/payments/${payment.id}?fields=*refunds`, a.headers)).data
      expect(after.refunds.map((r: { amount: unknown }) => Number(r.amount))).toEqual([5])

      // Without a key a second request is a second refund, as before.
      expect((await post(`/admin/payments/${payment.id}/refund`, { amount: 5 }, a.headers)).status).toBe(200)
      const { payment: twice } = (await api.get(`/admin/payments/${payment.id}?fields=*refunds`, a.headers)).data
      expect(twice.refunds).toHaveLength(2)
    })

    it("two requests with one key at the same time make one product; the loser is told to retry, the retry gets the product", async () => {
      const body = productBody(a, "Idem racing lamp")
      const both = await Promise.all([post("/admin/products", body, a.headers, "race-1"), post("/admin/products", body, a.headers, "race-1")])
      const statuses = both.map((r) => r.status).sort()
      // The loser either waited out nothing (409) or came after the answer was kept (a replay of it).
      expect([[200, 409], [200, 200]]).toContainEqual(statuses)
      const loser = both.find((r) => r.status === 409)
      if (loser) expect(loser.data.code).toBe("IDEMPOTENCY_KEY_IN_PROGRESS")
      const winner = both.find((r) => r.status === 200 && !r.headers["idempotent-replayed"])!
      const retry = await post("/admin/products", body, a.headers, "race-1")
      expect([retry.status, retry.headers["idempotent-replayed"], retry.data.product.id]).toEqual([200, "true", winner.data.product.id])
      expect(await productsTitled(a, "Idem racing lamp")).toHaveLength(1)
    })

    it("refuses a key reused for another request, and keeps keys apart per sender", async () => {
      const first = await post("/admin/products", productBody(a, "Idem lamp one"), a.headers, "shared-key")
      expect(first.status).toBe(200)
      const reused = await post("/admin/products", productBody(a, "Idem lamp two"), a.headers, "shared-key")
      expect([reused.status, reused.data.code]).toEqual([400, "IDEMPOTENCY_KEY_REUSED"])
      expect(await productsTitled(a, "Idem lamp two")).toHaveLength(0)

      // Another vendor's team with the same key: its own request, its own product — never A's answer (A's answer
      // would be a replay; a reuse refusal would mean the keys were shared).
      const other = await post("/admin/products", productBody(b, "Idem lamp of b"), b.headers, "shared-key")
      expect([other.status, other.headers["idempotent-replayed"]]).toEqual([200, undefined])
      expect(other.data.product.id).not.toBe(first.data.product.id)
      expect((await productsTitled(b, "Idem lamp of b")).map((p: { id: string }) => p.id)).toEqual([other.data.product.id])

      const tooLong = await post("/admin/products", productBody(a, "Idem lamp three"), a.headers, "k".repeat(256))
      expect([tooLong.status, tooLong.data.code]).toEqual([400, "IDEMPOTENCY_KEY_INVALID"])
    })

    it("keeps a refusal as the answer, but not a conflict: a refused request retried with its key is refused again", async () => {
      const refused = await post("/admin/products", { title: "" }, a.headers, "bad-body")
      const again = await post("/admin/products", { title: "" }, a.headers, "bad-body")
      expect([refused.status, again.status, again.headers["idempotent-replayed"], again.data.code]).toEqual([400, 400, "true", refused.data.code])
    })

    it("a shopper's retried line-item add with its key adds once (Store API, scoped by the shop's key)", async () => {
      const lamp = await fixtures.stockedVariant(a, "idema shelf lamp", 5)
      const { cart } = (await api.post("/store/carts", { region_id: a.region }, a.key)).data
      const add = () => post(`/store/carts/${cart.id}/line-items`, { variant_id: lamp.variant.id, quantity: 1 }, a.key, "add-lamp-1")
      const first = await add()
      const again = await add()
      expect([first.status, again.status, again.headers["idempotent-replayed"]]).toEqual([200, 200, "true"])
      const { cart: read } = (await api.get(`/store/carts/${cart.id}`, a.key)).data
      expect(read.items.map((i: { quantity: number }) => i.quantity)).toEqual([1])
    })
  },
})
