import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { STORE_POLICY } from "../../../src/api/tenancy/store-policy"
import { matchRoute } from "../../../src/api/tenancy/route-match"
import { adminHeaders, anyStatus, createLamp, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { registeredRoutes } from "../../helpers/routes"

jest.setTimeout(300 * 1000)

const stats = { routes: 0, requests: 0, leaks: [] as string[] }
afterAll(() => {
  console.log(`isolation (store): ${stats.routes} routes covered / ${stats.requests} requests tried / ${stats.leaks.length} leaks`)
})

describe("the store policy table accounts for every registered route", () => {
  const routes = registeredRoutes("/store")
  it("has no /store route without an entry, and no entry without a route", () => {
    expect(routes.filter(({ method, route }) => !matchRoute(STORE_POLICY, method, route)).map((r) => `${r.method} ${r.route}`)).toEqual([])
    const known = new Set(routes.map((r) => `${r.method} ${r.route}`))
    expect(STORE_POLICY.flatMap((e) => e.methods.map((m) => `${m} ${e.route}`)).filter((k) => !known.has(k))).toEqual([])
    stats.routes = routes.length
  })
})

type Shop = { key: { headers: Record<string, string> }; vendor: any; product: any; cart: any; order: string; region: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: { headers: Record<string, string> }
    let a: Shop
    let b: Shop

    const send = async (method: string, url: string, shop: Shop | { key: object }, body?: object, extra: Record<string, string> = {}) => {
      stats.requests++
      const opts = { headers: { ...(shop.key as any).headers, ...extra }, ...anyStatus }
      return method === "GET" || method === "DELETE" ? (api as any)[method.toLowerCase()](url, opts) : api.post(url, body ?? {}, opts)
    }

    async function openShop(handle: string): Promise<Shop> {
      const owner = { email: `owner@${handle}.test`, password: "password-1" }
      const { vendor } = (await api.post("/admin/vendors", { handle, name: handle, owner }, platform)).data
      await api.post(`/admin/vendors/${vendor.id}/verify`, {}, platform)
      const ownerHeaders = await adminHeaders(api, owner.email, owner.password)
      const product = await createLamp(api, ownerHeaders, `${handle} lamp`, false)
      const key = { headers: { "x-publishable-api-key": vendor.api_key.token } }
      const [store] = await getContainer().resolve(Modules.STORE).listStores()
      const region = store.default_region_id!
      const { cart } = (await api.post("/store/carts", { region_id: region }, key)).data
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: region,
          sales_channel_id: vendor.sales_channel.id,
          email: `buyer@${handle}.test`,
          items: [{ variant_id: product.variants[0].id, quantity: 1, title: "lamp", unit_price: 10 }],
        },
      })
      return { key, vendor, product, cart, order: order.id, region }
    }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await openShop("shopa")
      b = await openShop("shopb")
    })

    it("creates carts in the key's shop and refuses another shop's channel", async () => {
      expect(a.cart.sales_channel_id).toBe(a.vendor.sales_channel.id)
      const foreign = await send("POST", "/store/carts", b, { region_id: b.region, sales_channel_id: a.vendor.sales_channel.id })
      expect([foreign.status, foreign.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
    })

    it("answers 404 for every cart, payment and order route with another shop's records", async () => {
      const routes = STORE_POLICY.filter((e) => e.rule.scope === "owned")
      const wrong: string[] = []
      for (const entry of routes) {
        for (const method of entry.methods) {
          const params = (entry.rule as { params: Record<string, string> }).params
          const url = entry.route.replace(/:(\w+)/g, (_, name) => (params[name] === "cart" ? a.cart.id : params[name] === "order" ? a.order : "unknown_1"))
          const res = await send(method, url, b, {})
          if (res.status !== 404) wrong.push(`${method} ${url} → ${res.status}`)
        }
      }
      stats.leaks.push(...wrong)
      expect(wrong).toEqual([])
    })

    it("refuses another shop's cart as a body or query reference", async () => {
      for (const [method, url, body] of [
        ["GET", `/store/shipping-options?cart_id=${a.cart.id}`, undefined],
        ["POST", "/store/payment-collections", { cart_id: a.cart.id }],
        ["POST", "/store/shipping-options/so_x/calculate", { cart_id: a.cart.id }],
        ["POST", "/store/returns", { order_id: a.order, items: [] }],
      ] as const) {
        const res = await send(method, url, b, body)
        if (res.status !== 404) stats.leaks.push(`${method} ${url} → ${res.status}`)
        expect([url, res.status]).toEqual([url, 404])
      }
      // …while the shop's own cart works.
      expect((await send("GET", `/store/shipping-options?cart_id=${a.cart.id}`, a)).status).toBe(200)
      expect((await send("GET", `/store/carts/${a.cart.id}`, a)).status).toBe(200)
      expect((await send("GET", `/store/orders/${a.order}`, a)).status).not.toBe(404)
    })

    it("lists only the shop's catalog, whatever the client asks", async () => {
      const mine = await send("GET", "/store/products?fields=title", a)
      const widened = await send("GET", `/store/products?sales_channel_id=${b.vendor.sales_channel.id}&id=${b.product.id}`, a)
      const byId = await send("GET", `/store/products/${b.product.id}`, a)
      expect(mine.data.products.map((p: any) => p.title)).toEqual(["shopa lamp"])
      expect(JSON.stringify(widened.data)).not.toContain(b.product.id)
      expect(byId.status).toBe(404)
    })

    it("lists only the categories and collections the shop's products use", async () => {
      const make = async (title: string) => {
        const { product_category } = (await api.post("/admin/product-categories", { name: title, is_active: true }, platform)).data
        const { collection } = (await api.post("/admin/collections", { title }, platform)).data
        return { category: product_category.id, collection: collection.id }
      }
      const lamps = await make("Lamps")
      const books = await make("Books")
      await api.post(`/admin/products/${a.product.id}`, { categories: [{ id: lamps.category }], collection_id: lamps.collection }, platform)
      await api.post(`/admin/products/${b.product.id}`, { categories: [{ id: books.category }], collection_id: books.collection }, platform)

      const categories = await send("GET", "/store/product-categories", a)
      const collections = await send("GET", `/store/collections?id=${books.collection}`, a)
      expect(categories.data.product_categories.map((c: any) => c.name)).toEqual(["Lamps"])
      expect(collections.data.collections).toEqual([])
      expect((await send("GET", `/store/product-categories/${books.category}`, a)).status).toBe(404)
      expect((await send("GET", `/store/collections/${lamps.collection}`, a)).status).toBe(200)
    })

    it("closes a suspended shop and keeps a pending one closed", async () => {
      await api.post(`/admin/vendors/${a.vendor.id}/suspend`, {}, platform)
      const closed = await send("GET", "/store/products", a)
      expect([closed.status, closed.data.code]).toEqual([403, "VENDOR_SUSPENDED"])
      expect((await send("GET", "/store/regions", a)).status).toBe(200) // public routes still answer

      const { vendor } = (await api.post("/admin/vendors", { handle: "later", name: "Later", owner: { email: "o@later.test", password: "password-1" } }, platform)).data
      const pending = await send("GET", "/store/products", { key: { headers: { "x-publishable-api-key": vendor.api_key.token } } })
      expect([pending.status, pending.data.code]).toEqual([404, "VENDOR_NOT_FOUND"])
    })

    it("treats a customer bound to another shop as a stranger", async () => {
      await send("POST", "/auth/customer/shop-emailpass/register", a, { email: "c@x.test", password: "password-1" })
      const login = async () => (await send("POST", "/auth/customer/shop-emailpass", a, { email: "c@x.test", password: "password-1" })).data.token
      const created = await send("POST", "/store/customers", a, { email: "c@x.test" }, { authorization: `Bearer ${await login()}` })
      expect(created.status).toBe(200)
      const auth = { authorization: `Bearer ${await login()}` } // now carrying the customer's id
      // The account belongs to the shop it registered at…
      expect((await send("GET", "/store/customers/me", a, undefined, auth)).status).toBe(200)
      const { data: bound } = await getContainer()
        .resolve("query")
        .graph({ entity: "vendor", fields: ["customers.id"], filters: { id: a.vendor.id } })
      expect(bound[0].customers!.map((c: any) => c.id)).toEqual([created.data.customer.id])
      // …and every other shop treats it as a stranger.
      const elsewhere = await send("GET", "/store/customers/me", b, undefined, auth)
      expect([elsewhere.status, elsewhere.data.code]).toEqual([401, "CUSTOMER_OF_ANOTHER_SHOP"])
      expect((await send("GET", "/store/orders", b, undefined, auth)).status).toBe(401)
    })
  },
})
