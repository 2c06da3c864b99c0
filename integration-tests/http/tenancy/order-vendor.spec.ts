import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { openShop, type Shop } from "../../helpers/shop"

jest.setTimeout(180 * 1000)

type Headers = { headers: Record<string, string> }

// GET /admin/orders/:id/vendor — the shop an order belongs to, for the platform admins' order widget.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Shop
    let b: Shop

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await openShop(api, getContainer(), platform, "ordvena")
      b = await openShop(api, getContainer(), platform, "ordvenb")
    })

    it("names each order's vendor through its sales channel", async () => {
      const ofA = (await api.get(`/admin/orders/${a.ids.order}/vendor`, platform)).data
      const ofB = (await api.get(`/admin/orders/${b.ids.order}/vendor`, platform)).data
      expect(ofA.vendor).toEqual({ id: a.vendor.id, handle: "ordvena", name: "ORDVENA", status: a.vendor.status })
      expect(ofB.vendor).toMatchObject({ id: b.vendor.id, handle: "ordvenb" })
    })

    it("answers null for an order of the platform's own channel, and 404 NOT_FOUND for no order", async () => {
      const [store] = await getContainer().resolve(Modules.STORE).listStores()
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: store.default_region_id!,
          sales_channel_id: store.default_sales_channel_id!,
          email: "platform-buyer@maart.test",
          items: [{ title: "gift card", quantity: 1, unit_price: 5 }],
        },
      })
      expect((await api.get(`/admin/orders/${order.id}/vendor`, platform)).data).toEqual({ vendor: null })
      const missing = await api.get("/admin/orders/order_missing/vendor", { ...platform, ...anyStatus })
      expect(missing.status).toBe(404)
      expect(missing.data.code).toBe("NOT_FOUND")
    })

    it("is the platform's: a vendor's team gets 403 PLATFORM_ADMIN_REQUIRED, even for its own order", async () => {
      const own = await api.get(`/admin/orders/${a.ids.order}/vendor`, { ...a.headers, ...anyStatus })
      expect(own.status).toBe(403)
      expect(own.data.code).toBe("PLATFORM_ADMIN_REQUIRED")
      const other = await api.get(`/admin/orders/${b.ids.order}/vendor`, { ...a.headers, ...anyStatus })
      expect(other.status).toBe(403)
    })
  },
})
