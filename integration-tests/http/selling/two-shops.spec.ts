import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { bearer, shopAccounts } from "../../helpers/customers"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

const EMAIL = "marie@example.lu"

/**
 * Issue 6's "done when": two shops, one email registered at both, two carts, two orders — and each
 * vendor sees only its own order and customer, each account only its own shop.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fixtures = checkoutFixtures(api, getContainer)
    const accounts = shopAccounts(api)
    const get = (url: string, headers: Record<string, string>) => api.get(url, { headers, ...anyStatus })
    let a: Storefront
    let b: Storefront
    const at: Record<"a" | "b", { customer: { id: string }; auth: Record<string, string>; order: { id: string } }> = {} as never

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "twoshopsa")
      b = await fixtures.storefront(platform, "twoshopsb")
      for (const [name, shop, password] of [["a", a, "first-secret-1"], ["b", b, "second-secret-2"]] as const) {
        const { variant } = await fixtures.stockedVariant(shop, `${name} lamp`, 5)
        const { customer, auth } = await accounts.register(shop.key.headers, EMAIL, password)
        const order = await fixtures.placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: EMAIL, headers: { authorization: auth.authorization } })
        at[name] = { customer, auth, order }
      }
    })

    it("makes two accounts and two orders of one email at two shops", async () => {
      expect(at.a.customer.id).not.toEqual(at.b.customer.id)
      expect(at.a.order.id).not.toEqual(at.b.order.id)
      for (const [name, shop] of [["a", a], ["b", b]] as const) {
        const mine = (await get("/store/orders?fields=id,customer_id,email", at[name].auth)).data
        expect([mine.count, mine.orders.map((o: { id: string }) => o.id)]).toEqual([1, [at[name].order.id]])
        expect(mine.orders[0].customer_id).toBe(at[name].customer.id)
        const other = name === "a" ? b : a
        // The same account's token is a stranger's at the other shop: no cart, no orders.
        const foreignAuth = { ...other.key.headers, authorization: at[name].auth.authorization }
        const cart = await api.post("/store/carts", { region_id: shop.region }, { headers: foreignAuth, ...anyStatus })
        expect([cart.status, cart.data.code]).toEqual([401, "CUSTOMER_OF_ANOTHER_SHOP"])
        const orders = await get("/store/orders", foreignAuth)
        expect([orders.status, orders.data.code]).toEqual([401, "CUSTOMER_OF_ANOTHER_SHOP"])
      }
    })

    it("shows each vendor only its own order and customer", async () => {
      for (const [name, shop, other] of [["a", a, "b"], ["b", b, "a"]] as const) {
        // (Each shop also has the fixture's own order, placed by hand.)
        const listed = (await get("/admin/orders?fields=id&limit=100", shop.headers.headers)).data.orders.map((o: { id: string }) => o.id)
        expect(listed).toContain(at[name].order.id)
        expect(listed).not.toContain(at[other].order.id)
        const byEmail = (await get(`/admin/orders?q=${encodeURIComponent(EMAIL)}&fields=id`, shop.headers.headers)).data
        expect([byEmail.count, byEmail.orders.map((o: { id: string }) => o.id)]).toEqual([1, [at[name].order.id]])
        const customers = (await get(`/admin/customers?q=${encodeURIComponent(EMAIL)}`, shop.headers.headers)).data
        expect([customers.count, customers.customers.map((c: { id: string }) => c.id)]).toEqual([1, [at[name].customer.id]])
        expect((await get(`/admin/orders/${at[other].order.id}`, shop.headers.headers)).status).toBe(404)
        expect((await get(`/admin/customers/${at[other].customer.id}`, shop.headers.headers)).status).toBe(404)
        expect((await get(`/admin/orders?customer_id=${at[other].customer.id}`, shop.headers.headers)).data.count).toBe(0)
        expect((await get(`/admin/orders?customer_id=${at[name].customer.id}`, shop.headers.headers)).data.count).toBe(1)
      }
    })

    it("frees the email at one shop when its vendor deletes the account, and leaves the other shop's account alone", async () => {
      const deleted = await api.delete(`/admin/customers/${at.a.customer.id}`, { ...a.headers, ...anyStatus })
      expect([deleted.status, deleted.data]).toEqual([200, expect.objectContaining({ id: at.a.customer.id, deleted: true })])
      // The old password no longer signs in at A; B's account still does.
      expect((await accounts.login(a.key.headers, EMAIL, "first-secret-1")).status).toBe(401)
      expect((await accounts.login(b.key.headers, EMAIL, "second-secret-2")).status).toBe(200)
      // The address registers again at A, as a new account.
      const again = await accounts.register(a.key.headers, EMAIL, "third-secret-3")
      expect(again.customer.id).not.toEqual(at.a.customer.id)
      expect((await get("/store/customers/me", again.auth)).data.customer.id).toBe(again.customer.id)
      expect((await get("/store/customers/me", at.b.auth)).data.customer.id).toBe(at.b.customer.id)
    })
  },
})
