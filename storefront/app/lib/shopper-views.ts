/**
 * What the cart, checkout, order and account pages hand to the browser: plain
 * data shaped on the server (cart.server.ts), no ids of other records, no tokens.
 */

export type LineView = {
  id: string
  title: string
  productHandle: string | null
  thumbnail: string | null
  quantity: number
  unitPrice: number
  subtotal: number
}

export type TotalsView = { currency: string; subtotal: number; shipping: number; tax: number; discount: number; total: number }

/** A line asking for more than the shop has ("only N left" / "sold out"). */
export type StockProblemView = { lineId: string; title: string; wanted: number; available: number }

/** Medusa's manual payment provider, which the platform region offers ("pay on delivery / bank transfer"). */
export const MANUAL_PROVIDER = "pp_system_default"

/** Maart's Stripe provider (Stripe Connect), when the backend has a Stripe key: card payments with the Payment Element. */
export const STRIPE_PROVIDER = "pp_stripe_stripe"
