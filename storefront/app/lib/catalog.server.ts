import type Medusa from "@medusajs/js-sdk"
import type { Shop } from "./shop.server"
import { PAGE_SIZE, type CatalogProduct, type Category, type Sort } from "./catalog"
import { errorStatus } from "./medusa.server"

const CARD_FIELDS = "id,title,handle,thumbnail,created_at,*variants.calculated_price"
const DETAIL_FIELDS =
  "id,title,subtitle,description,handle,thumbnail,*images,*options,*options.values,*variants,*variants.options,*variants.calculated_price,+variants.inventory_quantity"

const ORDER: Record<Sort, string> = { newest: "-created_at", title: "title", price_asc: "price", price_desc: "-price" }

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
 * Price order is the backend's (`order=price` / `-price` with the region: each
 * product's lowest variant price in the region's currency, at any catalog size —
 * src/api/store/products/shop-catalog.ts). Should the backend refuse it (its
 * fast catalog path turned off), the page is newest first and the price options
 * are not offered (`priceSortable`).
 */
export async function catalogPage(
  sdk: Medusa,
  shop: Shop,
  opts: { page: number; sort: Sort; categoryId?: string; q?: string }
): Promise<{ products: CatalogProduct[]; count: number; sort: Sort; priceSortable: boolean }> {
  const filters = { region_id: shop.regionId, ...(opts.categoryId ? { category_id: [opts.categoryId] } : {}), ...(opts.q ? { q: opts.q } : {}) }
  const list = (order: string) =>
    sdk.store.product.list({ ...filters, limit: PAGE_SIZE, offset: (opts.page - 1) * PAGE_SIZE, order, fields: CARD_FIELDS })
  let sort = opts.sort
  let page
  try {
    page = await list(ORDER[sort])
  } catch (e) {
    const status = errorStatus(e)
    // Only an answer (4xx/5xx) means "cannot order by price"; an unreachable backend stays an error.
    if (!sort.startsWith("price") || !status) throw e
    sort = "newest"
    page = await list(ORDER.newest)
  }
  return { products: page.products as unknown as CatalogProduct[], count: page.count, sort, priceSortable: sort === opts.sort }
}

/** One product by handle, with images, options, variants, prices and stock; null when the shop has none. */
export async function productByHandle(sdk: Medusa, shop: Shop, handle: string): Promise<CatalogProduct | null> {
  const { products } = await sdk.store.product.list({ handle, limit: 1, region_id: shop.regionId, fields: DETAIL_FIELDS })
  return (products[0] as unknown as CatalogProduct | undefined) ?? null
}

