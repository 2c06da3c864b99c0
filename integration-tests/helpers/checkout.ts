import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { anyStatus, createLamp } from "./platform"
import { openShop, type Shop } from "./shop"

type Headers = { headers: Record<string, string> }
/** A verified shop seen from both sides: its team's admin headers and its storefront's publishable key. */
export type Storefront = Shop & { key: Headers; region: string }

export const SHOPPER_ADDRESS = {
  first_name: "Léa",
  last_name: "Muller",
  address_1: "1 rue du Marché",
  city: "Luxembourg",
  postal_code: "1111",
  country_code: "lu",
}

/** Checkout fixtures over real HTTP: shops, stocked variants, carts made ready and completed. */
export function checkoutFixtures(api: AxiosInstance, getContainer: () => MedusaContainer) {
  const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

  async function storefront(platform: Headers, handle: string): Promise<Storefront> {
    const shop = await openShop(api, getContainer(), platform, handle)
    await api.post(`/admin/vendors/${shop.vendor.id}/verify`, {}, platform)
    const [store] = await getContainer().resolve(Modules.STORE).listStores()
    return { ...shop, key: { headers: { "x-publishable-api-key": shop.vendor.api_key.token } }, region: store.default_region_id! }
  }

  /** The platform's default shipping profile, which every shop's shipping option serves. */
  async function shippingProfile() {
    const [profile] = await getContainer().resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
    return profile.id
  }

  async function inventoryItemOf(variantId: string) {
    const { data } = await query().graph({ entity: "variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
    return data[0].inventory_items![0]!.inventory_item_id
  }

  /** A shippable product of `shop` (as its dashboard makes them: with the shipping profile) with `stock` units at its warehouse. */
  async function stockedVariant(shop: Storefront, title: string, stock: number) {
    const product = await createLamp(api, shop.headers, title, true)
    await api.post(`/admin/products/${product.id}`, { shipping_profile_id: await shippingProfile() }, shop.headers)
    const variant = product.variants[0]
    const itemId = await inventoryItemOf(variant.id)
    await api.post(`/admin/inventory-items/${itemId}/location-levels/${shop.ids.stock_location}`, { stocked_quantity: stock }, shop.headers)
    return { product, variant, itemId }
  }

  async function level(shop: Storefront, itemId: string) {
    const [row] = await getContainer()
      .resolve(Modules.INVENTORY)
      .listInventoryLevels({ inventory_item_id: itemId, location_id: shop.ids.stock_location })
    return { stocked: Number(row.stocked_quantity), reserved: Number(row.reserved_quantity) }
  }

  /**
   * A cart of `items` made ready to complete: address, the shop's shipping option, a payment session
   * (Medusa's manual provider unless `provider_id` says otherwise). `headers` may add a customer's token;
   * `cart` more fields of the new cart (`locale`, another `shipping_address`, …).
   */
  async function readyCart(
    shop: Storefront,
    items: { variant_id: string; quantity: number }[],
    { email = "buyer@example.test", provider_id = "pp_system_default", headers = {} as Record<string, string>, cart: extra = {} as Record<string, unknown> } = {}
  ) {
    const opts = { headers: { ...shop.key.headers, ...headers } }
    const { cart } = (await api.post("/store/carts", { region_id: shop.region, email, items, shipping_address: SHOPPER_ADDRESS, ...extra }, opts)).data
    const { shipping_options } = (await api.get(`/store/shipping-options?cart_id=${cart.id}`, opts)).data
    await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, opts)
    const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, opts)).data
    await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id }, opts)
    return cart
  }

  /** POST /store/carts/:id/complete, whatever it answers. */
  const complete = (shop: Storefront, cartId: string, headers: Record<string, string> = {}) =>
    api.post(`/store/carts/${cartId}/complete`, {}, { headers: { ...shop.key.headers, ...headers }, ...anyStatus })

  /** An order placed at `shop` for `items` (manual payment); throws when checkout does not make one. */
  async function placeOrder(shop: Storefront, items: { variant_id: string; quantity: number }[], options?: Parameters<typeof readyCart>[2]) {
    const cart = await readyCart(shop, items, options)
    const res = await complete(shop, cart.id, options?.headers)
    if (res.data.type !== "order") throw new Error(`checkout at ${shop.vendor.handle} made no order: ${res.status} ${JSON.stringify(res.data)}`)
    return res.data.order
  }

  return { storefront, shippingProfile, inventoryItemOf, stockedVariant, level, readyCart, complete, placeOrder }
}
