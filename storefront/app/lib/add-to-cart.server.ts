import type Medusa from "@medusajs/js-sdk"
import { errorStatus } from "./medusa.server"
import { getCartId, setCartId } from "./session.server"
import type { Shop } from "./shop.server"

export type AddToCartResult = {
  /** Set-Cookie for a cart made by this call (send it even when adding failed). */
  setCookie?: string
  error?: { status: number; message: string }
}

/**
 * Adds a variant to the shop's cart, creating the cart (in the shop's region,
 * with the page language) when the cookie has none, or only a finished or
 * foreign one.
 */
export async function addToCart(request: Request, sdk: Medusa, shop: Shop, line: { variantId: string; quantity: number }): Promise<AddToCartResult> {
  let cartId = await getCartId(request, shop)
  if (cartId) {
    const open = await sdk.store.cart
      .retrieve(cartId, { fields: "id,completed_at" })
      .then(({ cart }) => !cart.completed_at)
      .catch(() => false)
    cartId = open ? cartId : null
  }
  let setCookie: string | undefined
  try {
    if (!cartId) {
      const { cart } = await sdk.store.cart.create({ region_id: shop.regionId, locale: shop.lang }, { fields: "id" })
      cartId = cart.id
      setCookie = await setCartId(shop, cartId)
    }
    await sdk.store.cart.createLineItem(cartId, { variant_id: line.variantId, quantity: line.quantity }, { fields: "id" })
    return { setCookie }
  } catch (e) {
    const status = errorStatus(e)
    if (!status || status >= 500) {
      throw e
    }
    return { setCookie, error: { status, message: (e as Error).message } }
  }
}
