import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN_POLICY, PLATFORM_ONLY } from "../../../src/api/tenancy/policy"
import { matchRoute } from "../../../src/api/tenancy/route-match"
import type { Resource } from "../../../src/api/tenancy/ownership"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { openShop, type Shop } from "../../helpers/shop"
import { registeredRoutes } from "../../helpers/routes"

jest.setTimeout(300 * 1000)

type Headers = { headers: Record<string, string> }

const stats = { routes: 0, requests: 0, leaks: [] as string[] }
afterAll(() => {
  console.log(`isolation (admin): ${stats.routes} routes covered / ${stats.requests} requests tried / ${stats.leaks.length} leaks`)
})

describe("the admin policy table accounts for every registered route", () => {
  const routes = registeredRoutes("/admin")

  it("finds the routes (Medusa's and Maart's)", () => {
    expect(routes.length).toBeGreaterThan(300)
    expect(routes.some((r) => r.source === "maart")).toBe(true)
  })

  it("has no route that is neither in the policy table nor platform-only", () => {
    const unaccounted = routes.filter(
      ({ method, route }) => !matchRoute(ADMIN_POLICY, method, route) && !matchRoute(PLATFORM_ONLY, method, route)
    )
    expect(unaccounted.map((r) => `${r.method} ${r.route}`)).toEqual([])
    stats.routes = routes.length
  })

  it("has no policy entry for a route that does not exist", () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.route}`))
    // An entry may also open one value of a route's parameter (GET /admin/layouts/sidebar/configuration of
    // Medusa's /admin/layouts/:zone/configuration): it must name a path that route answers.
    const registered = routes.map((r) => ({ methods: [r.method], route: r.route }))
    const stale = ADMIN_POLICY.flatMap((e) => e.methods.map((m) => ({ m, route: e.route })))
      .filter(({ m, route }) => !known.has(`${m} ${route}`) && !(route.split("/").every((s) => !s.startsWith(":")) && matchRoute(registered, m, route)))
      .map(({ m, route }) => `${m} ${route}`)
    expect(stale).toEqual([])
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let a: Shop
    let b: Shop
    let customer: Headers

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await openShop(api, getContainer(), platform, "shopa")
      b = await openShop(api, getContainer(), platform, "shopb")
      const { data: pk } = await api.get(`/admin/vendors/${a.vendor.id}`, platform)
      const store = { "x-publishable-api-key": pk.vendor.api_key.token }
      await api.post("/auth/customer/emailpass/register", { email: "shopper@x.test", password: "password-1" }, { headers: store })
      const { token } = (await api.post("/auth/customer/emailpass", { email: "shopper@x.test", password: "password-1" }, { headers: store })).data
      customer = { headers: { authorization: `Bearer ${token}` } }
    })

    // The runner restores the database to its state after beforeAll before every test.
    const fill = (route: string, params: Record<string, Resource>, shop: Shop) =>
      route.replace(/:(\w+)/g, (_, name: string) =>
        name === "address_id" ? shop.ids.address : params[name] ? shop.ids[params[name]] : "unknown_1"
      )
    const send = async (method: string, url: string, headers: Headers | object, body: object = {}) => {
      stats.requests++
      const opts = { ...headers, ...anyStatus }
      return method === "GET" || method === "DELETE"
        ? (api as any)[method.toLowerCase()](url, opts)
        : api.post(url, body, opts)
    }
    const aIds = () => Object.values(a.ids)

    describe("as another vendor, every owned route answers 404 on the first vendor's ids", () => {
      const entries = ADMIN_POLICY.filter((e) => e.rule.scope === "owned")
      it.each(entries.flatMap((e) => e.methods.map((m) => [m, e.route, e] as const)))("%s %s", async (method, route, entry) => {
        const params = (entry.rule as { params: Record<string, Resource> }).params
        const url = fill(route, params, a)
        const res = await send(method, url, b.headers)
        if (res.status !== 404) stats.leaks.push(`${method} ${url} as other vendor → ${res.status}`)
        expect([method, url, res.status, res.data?.code]).toEqual([method, url, 404, "NOT_FOUND"])
      })
    })

    describe("as the owner, owned reads work", () => {
      const reads = ADMIN_POLICY.filter((e) => e.rule.scope === "owned" && e.methods.includes("GET"))
      it.each(reads.map((e) => [e.route, e] as const))("GET %s", async (route, entry) => {
        const url = fill(route, (entry.rule as { params: Record<string, Resource> }).params, a)
        const res = await send("GET", url, a.headers)
        // The guard lets the owner through (what the route then answers is Medusa's business).
        expect([url, [401, 403, 404].includes(res.status)]).toEqual([url, false])
      })
    })

    describe("lists show only the vendor's own records, with counts to match", () => {
      const lists = ADMIN_POLICY.filter((e) => e.rule.scope === "list")
      it.each(lists.map((e) => [e.route] as const))("GET %s", async (route) => {
        const mine = await send("GET", route, a.headers)
        const theirs = await send("GET", route, b.headers)
        // Filters a client adds cannot widen the scope.
        const widened = await send("GET", `${route}?id=${a.ids.product}&sales_channel_id=${a.ids.sales_channel}&location_id=${a.ids.stock_location}`, b.headers)
        expect([mine.status, theirs.status]).toEqual([200, 200])
        const leaked = aIds().filter((id) => JSON.stringify(theirs.data).includes(id) || JSON.stringify(widened.data).includes(id))
        if (leaked.length) stats.leaks.push(`GET ${route} as other vendor shows ${leaked.join(", ")}`)
        expect(leaked).toEqual([])
        expect(theirs.data.count).toBeLessThanOrEqual(2)
      })

      it("shows the owner its own products, orders, customers, inventory and warehouse", async () => {
        for (const [route, id] of [
          ["/admin/products", a.ids.product],
          ["/admin/orders", a.ids.order],
          ["/admin/customers", a.ids.customer],
          ["/admin/inventory-items", a.ids.inventory_item],
          ["/admin/stock-locations", a.ids.stock_location],
          ["/admin/sales-channels", a.ids.sales_channel],
          ["/admin/reservations", a.ids.reservation],
        ]) {
          const res = await send("GET", route, a.headers)
          expect([route, res.data.count, JSON.stringify(res.data).includes(id)]).toEqual([route, 1, true])
        }
      })
    })

    describe("order sub-lists need one of the vendor's own orders", () => {
      it.each([["/admin/returns"], ["/admin/claims"], ["/admin/exchanges"]])("GET %s", async (route) => {
        expect((await send("GET", `${route}?order_id=${a.ids.order}`, a.headers)).status).toBe(200)
        const other = await send("GET", `${route}?order_id=${a.ids.order}`, b.headers)
        const none = await send("GET", route, b.headers)
        expect([other.status, none.status]).toEqual([403, 403])
      })
    })

    describe("mass assignment is refused", () => {
      it.each([
        ["a product in another vendor's sales channel", "/admin/products", () => ({ title: "x", sales_channels: [{ id: a.ids.sales_channel }] })],
        ["a reservation at another vendor's warehouse", "/admin/reservations", () => ({ inventory_item_id: b.ids.inventory_item, location_id: a.ids.stock_location, quantity: 1 })],
        ["a reservation of another vendor's item", "/admin/reservations", () => ({ inventory_item_id: a.ids.inventory_item, location_id: b.ids.stock_location, quantity: 1 })],
        ["levels at another vendor's warehouse", "/admin/inventory-items/location-levels/batch", () => ({ create: [{ inventory_item_id: b.ids.inventory_item, location_id: a.ids.stock_location }] })],
        ["deleting another vendor's level", "/admin/inventory-items/location-levels/batch", () => ({ delete: [a.ids.inventory_level] })],
        ["a variant stocked from another vendor's item", `/admin/products/PRODUCT_B/variants`, () => ({ title: "x", options: { Size: "S" }, prices: [], inventory_items: [{ inventory_item_id: a.ids.inventory_item, required_quantity: 1 }] })],
        ["a product whose variant uses another vendor's item", "/admin/products", () => ({ title: "x", options: [{ title: "S", values: ["S"] }], variants: [{ title: "S", options: { S: "S" }, prices: [], inventory_items: [{ inventory_item_id: a.ids.inventory_item, required_quantity: 1 }] }] })],
      ])("%s", async (_, route, body) => {
        const res = await send("POST", route.replace("PRODUCT_B", b.ids.product), b.headers, body())
        expect([res.status, res.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
      })

      it("moving one's own product into another vendor's sales channel", async () => {
        const res = await send("POST", `/admin/products/${b.ids.product}`, b.headers, { sales_channels: [{ id: a.ids.sales_channel }] })
        expect([res.status, res.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
      })

      it("a product claimed for another vendor through additional_data stays the creator's", async () => {
        const res = await send("POST", "/admin/products", b.headers, { title: "sneaky", options: [{ title: "Size", values: ["S"] }], additional_data: { vendor_id: a.vendor.id } })
        expect(res.status).toBe(200)
        const mine = await send("GET", "/admin/products?q=sneaky", b.headers)
        const theirs = await send("GET", `/admin/products/${res.data.product.id}`, a.headers)
        expect([mine.data.count, theirs.status]).toEqual([1, 404])
      })

      it("another vendor's variant under one's own product", async () => {
        const res = await send("DELETE", `/admin/products/${b.ids.product}/variants/${a.ids.product_variant}`, b.headers)
        expect(res.status).toBe(404)
      })
    })

    describe("fields cannot reach other vendors' records through shared ones", () => {
      it.each([
        ["/admin/product-categories?fields=*products"],
        ["/admin/collections?fields=id,products.title"],
        ["/admin/regions?fields=*countries.region.orders"],
        ["PRODUCT?fields=*categories.products"],
        ["ORDER?fields=*customer.orders"],
        ["CUSTOMER?fields=*orders"],
      ])("%s is refused", async (template) => {
        const url = template.replace("PRODUCT", `/admin/products/${a.ids.product}`).replace("ORDER", `/admin/orders/${a.ids.order}`).replace("CUSTOMER", `/admin/customers/${a.ids.customer}`)
        const res = await send("GET", url, a.headers)
        if (res.status !== 403) stats.leaks.push(`GET ${url} → ${res.status}`)
        expect([res.status, res.data.code]).toEqual([403, "OUTSIDE_VENDOR_SCOPE"])
      })

      it("while the vendor's own relations expand", async () => {
        const product = await send("GET", `/admin/products/${a.ids.product}?fields=*variants.inventory_items,*categories,*sales_channels`, a.headers)
        const customer = await send("GET", `/admin/customers/${a.ids.customer}?fields=*addresses,*groups`, a.headers)
        expect([product.status, customer.status]).toEqual([200, 200])
      })
    })

    describe("everything else is for platform admins", () => {
      const platformOnly = registeredRoutes("/admin").filter(
        ({ method, route }) => !matchRoute(ADMIN_POLICY, method, route) && matchRoute(PLATFORM_ONLY, method, route)
      )
      it(`refuses the vendor on all ${platformOnly.length} platform-only routes`, async () => {
        const allowed: string[] = []
        for (const { method, route } of platformOnly) {
          const url = route.replace(/:(\w+)/g, "unknown_1")
          const res = await send(method, url, a.headers)
          if (res.status !== 403 || res.data.code !== "PLATFORM_ADMIN_REQUIRED") allowed.push(`${method} ${url} → ${res.status}`)
        }
        stats.leaks.push(...allowed)
        expect(allowed).toEqual([])
      })

      it("lets the platform admin through unscoped", async () => {
        const res = await send("GET", "/admin/products?fields=title", platform)
        expect(res.data.products.map((p: any) => p.title).sort()).toEqual(["shopa lamp", "shopb lamp"])
      })
    })

    describe("without a vendor user's token", () => {
      const sample = ADMIN_POLICY.filter((e) => e.rule.scope !== "public" && e.methods.includes("GET")).map((e) => e.route.replace(/:(\w+)/g, "unknown_1"))
      it("a customer token and no token get 401 everywhere", async () => {
        const wrong: string[] = []
        for (const url of sample) {
          for (const headers of [customer, {}]) {
            const res = await send("GET", url, headers)
            if (res.status !== 401) wrong.push(`${url} → ${res.status}`)
          }
        }
        stats.leaks.push(...wrong)
        expect(wrong).toEqual([])
      })
    })

    describe("the active vendor", () => {
      it("is required for a user in several vendors, and must be theirs", async () => {
        // The owner of A also becomes owner of a second shop.
        await api.post("/admin/vendors", { handle: "shopc", name: "C", owner: { email: "owner@shopa.test" } }, platform)
        const two = await send("GET", "/admin/products", a.headers)
        expect([two.status, two.data.code]).toEqual([400, "VENDOR_CONTEXT_REQUIRED"])
        const chosen = await send("GET", "/admin/products", { headers: { ...a.headers.headers, "x-vendor-id": a.vendor.id } })
        expect(chosen.data.count).toBe(1)
        const foreign = await send("GET", "/admin/products", { headers: { ...a.headers.headers, "x-vendor-id": b.vendor.id } })
        expect([foreign.status, foreign.data.code]).toEqual([403, "VENDOR_ACCESS_DENIED"])
        expect((await send("GET", "/admin/users/me", a.headers)).status).toBe(200)
      })
    })
  },
})
