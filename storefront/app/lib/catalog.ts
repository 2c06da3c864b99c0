/** Catalog types and pure helpers, shared by loaders and components. */

/** A product as the catalog pages show it (only the fields they ask for). */
export type CatalogVariant = {
  id: string
  title: string | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_quantity?: number | null
  options?: { id: string; value: string; option_id?: string | null }[] | null
  calculated_price?: { calculated_amount?: number | null; original_amount?: number | null; currency_code?: string | null } | null
}
export type CatalogProduct = {
  id: string
  title: string
  handle: string
  subtitle?: string | null
  description?: string | null
  thumbnail?: string | null
  created_at?: string
  images?: { id: string; url: string }[] | null
  options?: { id: string; title: string; values?: { id: string; value: string }[] | null }[] | null
  variants?: CatalogVariant[] | null
}
export type Category = { id: string; name: string; handle: string }

export const PAGE_SIZE = 12

export const SORTS = ["newest", "price_asc", "price_desc", "title"] as const
export type Sort = (typeof SORTS)[number]

/** The lowest price among a product's variants (what a card shows). */
export function lowestPrice(product: Pick<CatalogProduct, "variants">): { amount: number; currency: string; varies: boolean } | null {
  const prices = (product.variants ?? [])
    .map((v) => v.calculated_price)
    .filter((p): p is NonNullable<CatalogVariant["calculated_price"]> => typeof p?.calculated_amount === "number")
  if (!prices.length) {
    return null
  }
  const amounts = prices.map((p) => p.calculated_amount as number)
  const amount = Math.min(...amounts)
  return { amount, currency: prices[0].currency_code ?? "", varies: amounts.some((a) => a !== amount) }
}

/** Whether a variant can be bought now: stock not managed, backorders allowed, or units left. */
export function inStock(variant: CatalogVariant): boolean {
  return !variant.manage_inventory || Boolean(variant.allow_backorder) || (variant.inventory_quantity ?? 0) > 0
}

/** A whole number from a query parameter, at least 1. */
export function pageNumber(value: string | null): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

export function parseSort(value: string | null): Sort {
  return (SORTS as readonly string[]).includes(value ?? "") ? (value as Sort) : "newest"
}
