import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { adminHeaders, anyStatus, createLamp, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

type Headers = { headers: Record<string, string> }

/**
 * Carts and checkout per shop, run by checkout.spec.ts (in-process locking) and
 * checkout-redis.spec.ts (Redis locking, workflow engine, event bus).
 */
export function checkoutSuite({ api, getContainer }: { api: AxiosInstance; getContainer: () => MedusaContainer }) {
  let platform: Headers
  let a: Storefront
  let b: Storefront
  const fixtures = checkoutFixtures(api, getContainer)
  const { stockedVariant, inventoryItemOf, level, readyCart, complete, shippingProfile } = fixtures
  const storefront = (handle: string) => fixtures.storefront(platform, handle)

  beforeAll(async () => {
    explainFailedRequests(api)
    await seedPlatform(getContainer())
    platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
    a = await storefront("checkouta")
    b = await storefront("checkoutb")
  })

  describe("a cart sells only its shop's products", () => {
    it("refuses another shop's variant when adding to a cart (stocked or not)", async () => {
      const unstocked = await createLamp(api, a.headers, "checkouta free lamp", false)
      const { cart } = (await api.post("/store/carts", { region_id: b.region }, b.key)).data
      for (const variantId of [a.ids.product_variant, unstocked.variants[0].id]) {
        const res = await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, { ...b.key, ...anyStatus })
        expect([res.status, res.data.code, res.data.details]).toEqual([400, "PRODUCT_NOT_IN_SHOP", { variant_ids: [variantId] }])
      }
      const { cart: after } = (await api.get(`/store/carts/${cart.id}?fields=*items`, b.key)).data
      expect(after.items).toEqual([])
      const own = await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: b.ids.product_variant, quantity: 1 }, b.key)
      expect(own.data.cart.items.map((i: { variant_id: string }) => i.variant_id)).toEqual([b.ids.product_variant])
    })

    it("refuses another shop's variant among a new cart's items", async () => {
      const res = await api.post(
        "/store/carts",
        { region_id: b.region, items: [{ variant_id: b.ids.product_variant, quantity: 1 }, { variant_id: a.ids.product_variant, quantity: 1 }] },
        { ...b.key, ...anyStatus }
      )
      expect([res.status, res.data.code, res.data.details]).toEqual([400, "PRODUCT_NOT_IN_SHOP", { variant_ids: [a.ids.product_variant] }])
    })

    it("offers only the shop's own shipping options, and refuses another's", async () => {
      const cartA = await readyCart(a, [{ variant_id: a.ids.product_variant, quantity: 1 }])
      const cartB = await readyCart(b, [{ variant_id: b.ids.product_variant, quantity: 1 }])
      const optionsA = (await api.get(`/store/shipping-options?cart_id=${cartA.id}`, a.key)).data.shipping_options
      const optionsB = (await api.get(`/store/shipping-options?cart_id=${cartB.id}`, b.key)).data.shipping_options
      const { data: zones } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "stock_location", fields: ["id", "fulfillment_sets.service_zones.shipping_options.id"], filters: { id: [a.ids.stock_location, b.ids.stock_location] } })
      const ownOptions = (locationId: string) =>
        zones.find((z) => z.id === locationId)!.fulfillment_sets!.flatMap((s) => s!.service_zones.flatMap((z) => z.shipping_options.map((o) => o.id)))
      expect(optionsA.map((o: { id: string }) => o.id)).toEqual(ownOptions(a.ids.stock_location))
      expect(optionsB.map((o: { id: string }) => o.id)).toEqual(ownOptions(b.ids.stock_location))
      const foreign = await api.post(`/store/carts/${cartB.id}/shipping-methods`, { option_id: optionsA[0].id }, { ...b.key, ...anyStatus })
      expect(foreign.status).toBe(400)
    })
  })

  describe("checkout without oversell", () => {
    it("completes one of 50 concurrent checkouts of the last unit; 49 get INSUFFICIENT_INVENTORY", async () => {
      const { variant, itemId } = await stockedVariant(a, "checkouta last lamp", 1)
      const carts: { id: string }[] = []
      for (let i = 0; i < 50; i += 10) {
        carts.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => readyCart(a, [{ variant_id: variant.id, quantity: 1 }], { email: `buyer${i + j}@example.test` })))))
      }
      const results = await Promise.all(carts.map((cart) => complete(a, cart.id)))
      const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
      const refused = results.filter((r) => r.status === 400 && r.data.code === "INSUFFICIENT_INVENTORY")
      const other = results.filter((r) => !orders.includes(r) && !refused.includes(r)).map((r) => [r.status, r.data])
      expect(other).toEqual([])
      expect([orders.length, refused.length]).toEqual([1, 49])
      expect(await level(a, itemId)).toEqual({ stocked: 1, reserved: 1 })
      const { data: lines } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order_line_item", fields: ["id"], filters: { variant_id: variant.id } })
      expect(lines).toHaveLength(1)
    })

    it("waits LOCK_WAIT_SECONDS (60 s) for an item's lock, not the provider's built-in 5 s", async () => {
      // A reservation queued behind a slow holder must get its answer rather than a lock time-out.
      const locking = getContainer().resolve(Modules.LOCKING)
      const key = `iitem_wait_probe_${Date.now()}`
      const holder = locking.execute(key, () => new Promise((resolve) => setTimeout(resolve, 6_500)))
      await new Promise((resolve) => setTimeout(resolve, 200))
      const startedAt = Date.now()
      const waiter = await locking.execute(key, async () => "reserved")
      await holder
      expect(waiter).toBe("reserved")
      expect(Date.now() - startedAt).toBeGreaterThan(5_000)
    })

    it("refuses a cart whose two lines share one inventory item beyond its stock (medusajs/medusa#16502)", async () => {
      const { product } = (
        await api.post(
          "/admin/products",
          {
            title: "checkouta bundle lamp",
            status: "published",
            shipping_profile_id: await shippingProfile(),
            options: [{ title: "Pack", values: ["Single", "Pair"] }],
            variants: [{ title: "Single", options: { Pack: "Single" }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 10 }] }],
          },
          a.headers
        )
      ).data
      const variant = product.variants[0]
      const itemId = await inventoryItemOf(variant.id)
      await api.post(`/admin/inventory-items/${itemId}/location-levels/${a.ids.stock_location}`, { stocked_quantity: 1 }, a.headers)
      // A second variant drawing on the same inventory item (a bundle and its single).
      const { product: withTwin } = (
        await api.post(
          `/admin/products/${product.id}/variants?fields=*variants.inventory_items`,
          { title: "Pair", options: { Pack: "Pair" }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 12 }], inventory_items: [{ inventory_item_id: itemId, required_quantity: 1 }] },
          a.headers
        )
      ).data
      const twin = withTwin.variants.find((v: { id: string }) => v.id !== variant.id)
      expect(twin.inventory_items.map((i: { inventory_item_id: string }) => i.inventory_item_id)).toEqual([itemId])

      const cart = await readyCart(a, [{ variant_id: variant.id, quantity: 1 }, { variant_id: twin.id, quantity: 1 }])
      const res = await complete(a, cart.id)
      expect([res.status, res.data.code]).toEqual([400, "INSUFFICIENT_INVENTORY"])
      expect(await level(a, itemId)).toEqual({ stocked: 1, reserved: 0 })

      // With stock for both, the same cart completes and reserves both units.
      await api.post(`/admin/inventory-items/${itemId}/location-levels/${a.ids.stock_location}`, { stocked_quantity: 2 }, a.headers)
      const retry = await complete(a, cart.id)
      expect([retry.status, retry.data.type]).toEqual([200, "order"])
      expect(await level(a, itemId)).toEqual({ stocked: 2, reserved: 2 })
    })

    it("returns the same order when the same cart is completed twice", async () => {
      const { variant, itemId } = await stockedVariant(b, "checkoutb lamp for two", 3)
      const cart = await readyCart(b, [{ variant_id: variant.id, quantity: 1 }])
      const first = await complete(b, cart.id)
      const second = await complete(b, cart.id)
      expect([first.status, first.data.type, second.status, second.data.type]).toEqual([200, "order", 200, "order"])
      expect(second.data.order.id).toBe(first.data.order.id)
      expect(await level(b, itemId)).toEqual({ stocked: 3, reserved: 1 })
      // The order is the shop's: the other shop's key cannot read it.
      const foreign = await api.get(`/store/orders/${first.data.order.id}`, { ...a.key, ...anyStatus })
      expect(foreign.status).toBe(404)
    })
  })
}
