import type Medusa from "@medusajs/js-sdk"
import type { Shop } from "./shop.server"
import { PAGE_SIZE, PRICE_SORT_LIMIT, lowestPrice, type CatalogProduct, type Category, type Sort } from "./catalog"

const CARD_FIELDS = "id,title,handle,thumbnail,created_at,*variants.calculated_price"
const DETAIL_FIELDS =
  "id,title,subtitle,description,handle,thumbnail,*images,*options,*options.values,*variants,*variants.options,*variants.calculated_price,+variants.inventory_quantity"

const ORDER: Record<Exclude<Sort, "price_asc" | "price_desc">, string> = { newest: "-created_at", title: "title" }

/** Newest products first (the home page's "new in"). */
export async function newestProducts(sdk: Medusa, shop: Shop, limit: number): Promise<CatalogProduct[]> {
  const { products } = await sdk.store.product.list({ limit, order: "-created_at", region_id: shop.regionId, fields: CARD_FIELDS })
  return products as unknown as CatalogProduct[]
}

/** The categories the shop's published products use (the Store API narrows them to the shop). */
export async function shopCategories(sdk: Medusa): Promise<Category[]> {
  const { product_categories } = await sdk.store.category.list({ fields: "id,name,handle", limit: 100, order: "name" })
  return product_categories as unknown as Category[]
}

/**
 * One catalog page: optional search text and category, sorted, PAGE_SIZE per page.
 * Price order is computed over the shop's whole list when it has at most
 * PRICE_SORT_LIMIT products (`priceSortable`); otherwise the list stays newest first.
 */
export async function catalogPage(
  sdk: Medusa,
  shop: Shop,
  opts: { page: number; sort: Sort; categoryId?: string; q?: string }
): Promise<{ products: CatalogProduct[]; count: number; sort: Sort; priceSortable: boolean }> {
  const filters = { region_id: shop.regionId, ...(opts.categoryId ? { category_id: [opts.categoryId] } : {}), ...(opts.q ? { q: opts.q } : {}) }
  const offset = (opts.page - 1) * PAGE_SIZE
  if (opts.sort === "price_asc" || opts.sort === "price_desc") {
    const all = await sdk.store.product.list({ ...filters, limit: PRICE_SORT_LIMIT, order: "-created_at", fields: CARD_FIELDS })
    if (all.count <= PRICE_SORT_LIMIT) {
      const direction = opts.sort === "price_asc" ? 1 : -1
      const price = (p: CatalogProduct) => lowestPrice(p)?.amount ?? Number.POSITIVE_INFINITY * direction
      const sorted = [...(all.products as unknown as CatalogProduct[])].sort(
        (a, b) => direction * (price(a) - price(b)) || a.title.localeCompare(b.title)
      )
      return { products: sorted.slice(offset, offset + PAGE_SIZE), count: all.count, sort: opts.sort, priceSortable: true }
    }
    const page = await sdk.store.product.list({ ...filters, limit: PAGE_SIZE, offset, order: ORDER.newest, fields: CARD_FIELDS })
    return { products: page.products as unknown as CatalogProduct[], count: page.count, sort: "newest", priceSortable: false }
  }
  const page = await sdk.store.product.list({ ...filters, limit: PAGE_SIZE, offset, order: ORDER[opts.sort], fields: CARD_FIELDS })
  return {
    products: page.products as unknown as CatalogProduct[],
    count: page.count,
    sort: opts.sort,
    priceSortable: page.count <= PRICE_SORT_LIMIT,
  }
}

/** One product by handle, with images, options, variants, prices and stock; null when the shop has none. */
export async function productByHandle(sdk: Medusa, shop: Shop, handle: string): Promise<CatalogProduct | null> {
  const { products } = await sdk.store.product.list({ handle, limit: 1, region_id: shop.regionId, fields: DETAIL_FIELDS })
  return (products[0] as unknown as CatalogProduct | undefined) ?? null
}

