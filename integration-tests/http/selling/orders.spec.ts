import { createOrderPaymentCollectionWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { shopAccounts } from "../../helpers/customers"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }

const EMAIL = "ana@example.lu"

/** What the 2.21 dashboard's order page asks for (dashboard routes/orders/order-detail/constants.ts). */
const ORDER_PAGE_FIELDS = [
  "id", "status", "created_at", "canceled_at", "email", "display_id", "currency_code", "total", "refundable_total", "order_change",
  "*customer", "*items", "*items.variant", "*items.variant.product", "*items.variant.options", "+items.variant.manage_inventory",
  "*items.variant.inventory_items.inventory", "+summary", "*shipping_address", "*sales_channel", "*shipping_methods",
  "*fulfillments", "+fulfillments.shipping_option.service_zone.fulfillment_set.type", "*fulfillments.items", "*fulfillments.labels",
  "*payment_collections", "*payment_collections.payment_sessions", "*payment_collections.payments",
  "*payment_collections.payments.refunds", "*payment_collections.payments.refunds.refund_reason", "region.automatic_taxes",
].join(",")

/**
 * Orders for vendor teams through Medusa's own Admin API, scoped by the tenancy policy: list, filter and
 * search, detail and history, fulfil with tracking, cancel, capture and refund (manual provider), and
 * customers with their order history — each shop seeing only its own, over real HTTP.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Storefront
    let b: Storefront
    const fixtures = checkoutFixtures(api, getContainer)
    const accounts = shopAccounts(api)
    let lampA: Awaited<ReturnType<typeof fixtures.stockedVariant>>
    let lampB: Awaited<ReturnType<typeof fixtures.stockedVariant>>
    let anaA: Awaited<ReturnType<typeof accounts.register>>
    let anaB: Awaited<ReturnType<typeof accounts.register>>
    // A1: Ana's (signed in) at A; A2: a guest's at A, two lamps; B1: Ana's at B (her other account).
    let orderA1: any
    let orderA2: any
    let orderB1: any

    const get = (url: string, as: Headers) => api.get(url, { ...as, ...anyStatus })
    const post = (url: string, body: object, as: Headers) => api.post(url, body, { ...as, ...anyStatus })
    const ids = (res: { data: { orders: { id: string }[] } }) => res.data.orders.map((o) => o.id).sort()
    const expectOk = (res: { status: number; data: unknown }, status = 200) => expect([res.status, res.data]).toEqual([status, expect.anything()])

    /** The order's line (a single one here) and its payment. */
    async function lineAndPayment(orderId: string) {
      const { order } = (await api.get(`/admin/orders/${orderId}?fields=*items,*payment_collections.payments`, a.headers)).data
      return { item: order.items[0], payment: order.payment_collections[0].payments[0] }
    }

    async function fulfil(shop: Storefront, orderId: string, itemId: string, quantity: number) {
      const res = await post(`/admin/orders/${orderId}/fulfillments?fields=*fulfillments`, { items: [{ id: itemId, quantity }], location_id: shop.ids.stock_location }, shop.headers)
      expectOk(res)
      return res.data.order.fulfillments[0]
    }

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "ordersa")
      b = await fixtures.storefront(platform, "ordersb")
      lampA = await fixtures.stockedVariant(a, "ordersa desk lamp", 10)
      lampB = await fixtures.stockedVariant(b, "ordersb desk lamp", 10)
      anaA = await accounts.register(a.key.headers, EMAIL, "password-at-a", { first_name: "Ana" })
      anaB = await accounts.register(b.key.headers, EMAIL, "password-at-b", { first_name: "Anne" })
      orderA1 = await fixtures.placeOrder(a, [{ variant_id: lampA.variant.id, quantity: 1 }], { email: EMAIL, headers: { authorization: anaA.auth.authorization } })
      orderA2 = await fixtures.placeOrder(a, [{ variant_id: lampA.variant.id, quantity: 2 }], { email: "zoe@example.test" })
      orderB1 = await fixtures.placeOrder(b, [{ variant_id: lampB.variant.id, quantity: 1 }], { email: EMAIL, headers: { authorization: anaB.auth.authorization } })
    })

    describe("list, filter, search", () => {
      it("shows a vendor team only its shop's orders, with counts to match; the platform admin sees all", async () => {
        const mine = await get("/admin/orders", a.headers)
        // The shop fixture's own order (made by the workflow) and the two checkouts.
        expect(ids(mine)).toEqual([a.ids.order, orderA1.id, orderA2.id].sort())
        expect(mine.data.count).toBe(3)
        const theirs = await get("/admin/orders", b.headers)
        expect(ids(theirs)).toEqual([b.ids.order, orderB1.id].sort())

        const all = await get("/admin/orders?limit=50", platform)
        expect(ids(all)).toEqual([a.ids.order, orderA1.id, orderA2.id, b.ids.order, orderB1.id].sort())
      })

      it("searches by email and display id, filters by status, dates and customer, and pages", async () => {
        const q = async (query: string) => ids(await get(`/admin/orders?${query}`, a.headers))
        expect(await q("q=zoe@example")).toEqual([orderA2.id])
        expect(await q(`q=${encodeURIComponent(EMAIL)}`)).toEqual([orderA1.id])
        // Ana's order at B has the same email: A's search never finds it.
        expect(await q(`q=${orderA2.display_id}`)).toContain(orderA2.id)
        expect(await q(`q=${orderA2.display_id}`)).not.toContain(orderB1.id)
        expect(await q(`customer_id=${anaA.customer.id}`)).toEqual([orderA1.id])
        expect(await q("status=pending")).toEqual([a.ids.order, orderA1.id, orderA2.id].sort())
        expect(await q("status=canceled")).toEqual([])

        const since = new Date(new Date(orderA1.created_at).getTime() - 1).toISOString()
        expect(await q(`created_at[$gte]=${since}`)).toEqual([orderA1.id, orderA2.id].sort())
        expect(await q(`created_at[$lt]=${since}`)).toEqual([a.ids.order])

        const page = await get("/admin/orders?order=created_at&limit=2&offset=1", a.headers)
        expect([page.data.count, page.data.limit, page.data.offset]).toEqual([3, 2, 1])
        expect(page.data.orders.map((o: { id: string }) => o.id)).toEqual([orderA1.id, orderA2.id])
      })

      it("cannot be widened to another shop's orders by any filter", async () => {
        for (const query of [
          `sales_channel_id[]=${b.ids.sales_channel}`,
          `sales_channel_id[]=${b.ids.sales_channel}&sales_channel_id[]=${a.ids.sales_channel}&id=${orderB1.id}`,
          `id=${orderB1.id}`,
          `id[]=${orderB1.id}&id[]=${b.ids.order}`,
          `customer_id=${anaB.customer.id}`,
          `q=${encodeURIComponent(EMAIL)}&sales_channel_id[]=${b.ids.sales_channel}`,
        ]) {
          const res = await get(`/admin/orders?${query}`, a.headers)
          expect([query, res.status, res.data.count, res.data.orders]).toEqual([query, 200, 0, []])
        }
      })
    })

    describe("detail and history", () => {
      it("gives the order page what it asks for, and the order's changes", async () => {
        const res = await get(`/admin/orders/${orderA1.id}?fields=${ORDER_PAGE_FIELDS}`, a.headers)
        expectOk(res)
        const { order } = res.data
        expect([order.id, order.email, order.status, order.customer.id, order.sales_channel.id]).toEqual([orderA1.id, EMAIL, "pending", anaA.customer.id, a.ids.sales_channel])
        expect(order.items.map((i: any) => [i.variant_id, i.quantity])).toEqual([[lampA.variant.id, 1]])
        expect(order.payment_collections[0].payments.map((p: any) => p.provider_id)).toEqual(["pp_system_default"])
        expect(order.fulfillments).toEqual([])

        // The activity timeline: the order as placed (version 1), its changes, and the lines of older versions.
        const first = await get(`/admin/orders/${orderA1.id}?version=1&fields=created_at,total,currency_code`, a.headers)
        expect([first.status, first.data.order.currency_code]).toEqual([200, "eur"])
        for (const url of ["changes", "preview", "line-items"]) {
          expect([url, (await get(`/admin/orders/${orderA1.id}/${url}`, a.headers)).status]).toEqual([url, 200])
        }
        // A change of the order (its email) is in its history.
        expectOk(await post(`/admin/orders/${orderA1.id}`, { email: "ana.muller@example.lu" }, a.headers))
        const { order_changes } = (await get(`/admin/orders/${orderA1.id}/changes`, a.headers)).data
        expect(order_changes.map((c: any) => [c.change_type, c.status])).toEqual([["update_order", "confirmed"]])
      })

      it("answers 404 to another vendor on every route of the order, its fulfilment and its payment", async () => {
        const { item, payment } = await lineAndPayment(orderA2.id)
        const fulfillment = await fulfil(a, orderA2.id, item.id, 1)
        const [collection] = (await createOrderPaymentCollectionWorkflow(getContainer()).run({ input: { order_id: orderA2.id, amount: 5 } })).result
        const order = `/admin/orders/${orderA2.id}`
        const tries: [string, string, object?][] = [
          ["GET", order], ["GET", `${order}/preview`], ["GET", `${order}/changes`], ["GET", `${order}/line-items`],
          ["GET", `${order}/shipping-options`], ["POST", order, { email: "x@example.lu" }], ["POST", `${order}/cancel`],
          ["POST", `${order}/complete`], ["POST", `${order}/archive`],
          ["POST", `${order}/fulfillments`, { items: [{ id: item.id, quantity: 1 }], location_id: b.ids.stock_location }],
          ["POST", `${order}/fulfillments/${fulfillment.id}/shipments`, { items: [{ id: item.id, quantity: 1 }] }],
          ["POST", `${order}/fulfillments/${fulfillment.id}/mark-as-delivered`], ["POST", `${order}/fulfillments/${fulfillment.id}/cancel`],
          ["GET", `/admin/payments/${payment.id}`], ["POST", `/admin/payments/${payment.id}/capture`],
          ["POST", `/admin/payments/${payment.id}/refund`, { amount: 1 }],
          ["POST", `/admin/payment-collections/${collection.id}/mark-as-paid`, { order_id: orderB1.id }],
        ]
        for (const [method, url, body] of tries) {
          const res = method === "GET" ? await get(url, b.headers) : await post(url, body ?? {}, b.headers)
          expect([method, url, res.status, res.data.code]).toEqual([method, url, 404, "NOT_FOUND"])
        }
        // Nothing happened: the fulfilment is still unshipped, the payment uncaptured, the collection unpaid.
        const after = (await get(`${order}?fields=email,*fulfillments,*payment_collections.payments`, a.headers)).data.order
        expect([after.email, after.fulfillments[0].shipped_at, after.fulfillments[0].canceled_at]).toEqual(["zoe@example.test", null, null])
        expect(after.payment_collections.map((c: any) => [c.id, c.status])).toEqual(
          expect.arrayContaining([[collection.id, "not_paid"], [expect.any(String), "authorized"]])
        )
        // Another vendor's fulfilment under one's own order's path is not found either.
        const [itemB] = (await get(`/admin/orders/${orderB1.id}?fields=*items`, b.headers)).data.order.items
        const theirFulfilment = await fulfil(b, orderB1.id, itemB.id, 1)
        for (const action of ["shipments", "mark-as-delivered", "cancel"]) {
          const crossed = await post(`/admin/orders/${orderA2.id}/fulfillments/${theirFulfilment.id}/${action}`, { items: [{ id: item.id, quantity: 1 }] }, a.headers)
          expect([action, crossed.status, crossed.data.code]).toEqual([action, 404, "NOT_FOUND"])
        }
        const theirs = (await get(`/admin/orders/${orderB1.id}?fields=*fulfillments`, b.headers)).data.order.fulfillments[0]
        expect([theirs.shipped_at, theirs.delivered_at, theirs.canceled_at]).toEqual([null, null, null])
      })
    })

    describe("fulfil, ship with tracking, deliver, cancel", () => {
      it("fulfils from the shop's warehouse (stock leaves), ships with labels and marks it delivered", async () => {
        const { item } = await lineAndPayment(orderA2.id)
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 10, reserved: 3 })

        // The dashboard's fulfilment form: the shop's warehouses and their shipping options only.
        const locations = (await get("/admin/stock-locations", a.headers)).data.stock_locations.map((l: any) => l.id)
        expect(locations).toEqual([a.ids.stock_location])
        const options = (await get(`/admin/shipping-options?stock_location_id=${a.ids.stock_location}`, a.headers)).data.shipping_options
        expect(options).toHaveLength(1)
        expectOk(await get(`/admin/shipping-options/${options[0].id}?fields=+service_zone.fulfillment_set.location.id`, a.headers))
        const theirs = await get(`/admin/shipping-options?stock_location_id=${b.ids.stock_location}`, a.headers)
        expect([theirs.data.count, (await get(`/admin/shipping-options/${options[0].id}`, b.headers)).status]).toEqual([0, 404])
        const fromB = await post(`/admin/orders/${orderA2.id}/fulfillments`, { items: [{ id: item.id, quantity: 2 }], location_id: b.ids.stock_location }, a.headers)
        expect([fromB.status, fromB.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])

        const fulfillment = await fulfil(a, orderA2.id, item.id, 2)
        // Medusa takes the units out of stock and out of the reservation.
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 8, reserved: 1 })

        const label = { tracking_number: "LU123456789", tracking_url: "https://track.example/LU123456789", label_url: "https://labels.example/LU123456789.pdf" }
        expectOk(await post(`/admin/orders/${orderA2.id}/fulfillments/${fulfillment.id}/shipments`, { items: [{ id: item.id, quantity: 2 }], labels: [label] }, a.headers))
        expectOk(await post(`/admin/orders/${orderA2.id}/fulfillments/${fulfillment.id}/mark-as-delivered`, {}, a.headers))

        const { order } = (await get(`/admin/orders/${orderA2.id}?fields=fulfillment_status,*fulfillments,*fulfillments.labels`, a.headers)).data
        expect(order.fulfillment_status).toBe("delivered")
        const [done] = order.fulfillments
        expect([!!done.shipped_at, !!done.delivered_at, done.location_id]).toEqual([true, true, a.ids.stock_location])
        expect(done.labels.map(({ tracking_number, tracking_url, label_url }: any) => ({ tracking_number, tracking_url, label_url }))).toEqual([label])
        // The shop's storefront sees the order delivered.
        const seen = await get(`/store/orders/${orderA2.id}?fields=fulfillment_status`, a.key)
        expect([seen.status, seen.data.order?.fulfillment_status]).toEqual([200, "delivered"])
      })

      it("takes a lamp back: a return of the shop's order received into its own warehouse (stock goes up)", async () => {
        const { item } = await lineAndPayment(orderA2.id)
        await fulfil(a, orderA2.id, item.id, 2)
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 8, reserved: 1 })

        // Neither into another shop's warehouse nor for another shop's order.
        for (const body of [{ order_id: orderA2.id, location_id: b.ids.stock_location }, { order_id: orderB1.id, location_id: a.ids.stock_location }]) {
          const res = await post("/admin/returns", body, a.headers)
          expect([res.status, res.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
        }
        const begun = await post("/admin/returns", { order_id: orderA2.id, location_id: a.ids.stock_location }, a.headers)
        expectOk(begun)
        const returnUrl = `/admin/returns/${begun.data.return.id}`
        const theirOption = (await get(`/admin/shipping-options?stock_location_id=${b.ids.stock_location}`, b.headers)).data.shipping_options[0]
        const foreignOption = await post(`${returnUrl}/shipping-method`, { shipping_option_id: theirOption.id }, a.headers)
        expect([foreignOption.status, foreignOption.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
        for (const [method, url] of [["GET", returnUrl], ["POST", `${returnUrl}/request-items`], ["POST", `${returnUrl}/request`], ["POST", `${returnUrl}/cancel`], ["DELETE", `${returnUrl}/request`]]) {
          const res = method === "GET" ? await get(url, b.headers) : method === "DELETE" ? await api.delete(url, { ...b.headers, ...anyStatus }) : await post(url, { items: [{ id: item.id, quantity: 1 }] }, b.headers)
          expect([method, url, res.status, res.data.code]).toEqual([method, url, 404, "NOT_FOUND"])
        }

        expectOk(await post(`${returnUrl}/request-items`, { items: [{ id: item.id, quantity: 1 }] }, a.headers))
        expectOk(await post(`${returnUrl}/request`, {}, a.headers))
        expectOk(await post(`${returnUrl}/receive`, {}, a.headers))
        expectOk(await post(`${returnUrl}/receive-items`, { items: [{ id: item.id, quantity: 1 }] }, a.headers))
        expectOk(await post(`${returnUrl}/receive/confirm`, {}, a.headers))
        // Medusa puts the received unit back at the return's location.
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 9, reserved: 1 })
        const { returns } = (await get(`/admin/returns?order_id=${orderA2.id}`, a.headers)).data
        expect(returns.map((r: any) => [r.id, r.status, r.location_id])).toEqual([[begun.data.return.id, "received", a.ids.stock_location]])
      })

      it("cancels an order: its reservation is released and its authorized payment canceled", async () => {
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 10, reserved: 3 })
        const res = await post(`/admin/orders/${orderA1.id}/cancel`, {}, a.headers)
        expectOk(res)
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 10, reserved: 2 })
        const { order } = (await get(`/admin/orders/${orderA1.id}?fields=status,canceled_at,*payment_collections.payments`, a.headers)).data
        expect([order.status, !!order.canceled_at, !!order.payment_collections[0].payments[0].canceled_at]).toEqual(["canceled", true, true])
        expect(ids(await get("/admin/orders?status=canceled", a.headers))).toEqual([orderA1.id])
        // Canceling again is refused by Medusa, not repeated.
        expect((await post(`/admin/orders/${orderA1.id}/cancel`, {}, a.headers)).status).toBe(400)
        expect(await fixtures.level(a, lampA.itemId)).toEqual({ stocked: 10, reserved: 2 })
      })
    })

    describe("payments (manual provider)", () => {
      it("captures and refunds an order's payment with a refund reason", async () => {
        const { payment } = await lineAndPayment(orderA2.id)
        const read = await get(`/admin/payments/${payment.id}`, a.headers)
        expect([read.status, read.data.payment.id, read.data.payment.captured_at]).toEqual([200, payment.id, null])

        const captured = await post(`/admin/payments/${payment.id}/capture`, {}, a.headers)
        expectOk(captured)
        expect(captured.data.payment.captured_at).toBeTruthy()
        const total = Number(captured.data.payment.amount)

        // Refund reasons are the platform's: vendors read them, only platform admins make them.
        expect((await post("/admin/refund-reasons", { label: "Damaged", code: "damaged" }, a.headers)).data.code).toBe("PLATFORM_ADMIN_REQUIRED")
        const reason = (await post("/admin/refund-reasons", { label: "Damaged", code: "damaged" }, platform)).data.refund_reason
        const reasons = (await get("/admin/refund-reasons", a.headers)).data.refund_reasons.map((r: any) => r.id)
        expect(reasons).toContain(reason.id)
        expectOk(await get(`/admin/refund-reasons/${reason.id}`, a.headers))

        const refunded = await post(`/admin/payments/${payment.id}/refund?fields=*refunds`, { amount: 5, refund_reason_id: reason.id, note: "scratched shade" }, a.headers)
        expectOk(refunded)
        expect(refunded.data.payment.refunds.map((r: any) => [Number(r.amount), r.refund_reason_id, r.note])).toEqual([[5, reason.id, "scratched shade"]])
        // Medusa refuses a refund beyond what was captured.
        const tooMuch = await post(`/admin/payments/${payment.id}/refund`, { amount: total }, a.headers)
        expect(tooMuch.status).toBe(400)
        const { order } = (await get(`/admin/orders/${orderA2.id}?fields=payment_status,*payment_collections.payments.refunds`, a.headers)).data
        expect(order.payment_status).toBe("partially_refunded")
        expect(order.payment_collections[0].payments[0].refunds).toHaveLength(1)
      })

      it("settles an order's outstanding collection by hand, only for the vendor's own order", async () => {
        const [collection] = (await createOrderPaymentCollectionWorkflow(getContainer()).run({ input: { order_id: orderA2.id, amount: 5 } })).result
        const foreignOrder = await post(`/admin/payment-collections/${collection.id}/mark-as-paid`, { order_id: orderB1.id }, a.headers)
        expect([foreignOrder.status, foreignOrder.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
        const paid = await post(`/admin/payment-collections/${collection.id}/mark-as-paid`, { order_id: orderA2.id }, a.headers)
        expectOk(paid)
        expect(paid.data.payment_collection.status).toBe("completed")
      })

      it("needs orders.edit to capture or refund; a viewer only reads", async () => {
        const { payment } = await lineAndPayment(orderA2.id)
        const viewer = await addMember(api, getContainer(), a.vendor.id, "viewer@ordersa.test", "viewer")
        expectOk(await get(`/admin/payments/${payment.id}`, viewer.headers))
        expectOk(await get(`/admin/orders/${orderA2.id}`, viewer.headers))
        for (const url of [`/admin/payments/${payment.id}/capture`, `/admin/payments/${payment.id}/refund`, `/admin/orders/${orderA2.id}/cancel`]) {
          const res = await post(url, {}, viewer.headers)
          expect([url, res.status, res.data.code, res.data.details?.permission]).toEqual([url, 403, "PERMISSION_DENIED", "orders.edit"])
        }
      })
    })

    describe("customers with their order history", () => {
      it("shows a team its shop's customers and each one's orders, never another shop's", async () => {
        const customers = (await get(`/admin/customers?q=${encodeURIComponent(EMAIL)}`, a.headers)).data.customers.map((c: any) => c.id)
        expect(customers).toEqual([anaA.customer.id])
        expectOk(await get(`/admin/customers/${anaA.customer.id}`, a.headers))
        expect((await get(`/admin/customers/${anaB.customer.id}`, a.headers)).status).toBe(404)
        expect(ids(await get(`/admin/orders?customer_id=${anaA.customer.id}`, a.headers))).toEqual([orderA1.id])
        expect(ids(await get(`/admin/orders?customer_id=${anaB.customer.id}`, b.headers))).toEqual([orderB1.id])
        expect((await get(`/admin/orders?customer_id=${anaB.customer.id}`, a.headers)).data.count).toBe(0)
        // The customer's orders cannot be reached through the customer record (a shared root).
        const through = await get(`/admin/customers/${anaA.customer.id}?fields=*orders`, a.headers)
        expect([through.status, through.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
      })

      it("lists a signed-in customer's own orders at its shop (GET /store/orders), and nowhere else", async () => {
        const atA = await get("/store/orders", { headers: anaA.auth })
        const atB = await get("/store/orders", { headers: anaB.auth })
        expect(ids(atA)).toEqual([orderA1.id])
        expect(ids(atB)).toEqual([orderB1.id])
        const crossed = await get("/store/orders", { headers: { ...b.key.headers, authorization: anaA.auth.authorization } })
        expect([crossed.status, crossed.data.code]).toEqual([401, "CUSTOMER_OF_ANOTHER_SHOP"])
      })
    })
  },
})
