// The shops a bench sells from: opened through the platform's Admin API (as a super-admin would), their catalogs
// written straight into the tables (store-catalog.mjs). Shared by bench:store and bench:load.
import pg from "pg"
import { json } from "./server.mjs"
import { seedShopCatalog } from "./store-catalog.mjs"

/**
 * Opens `count` shops `<prefix>-<i>` (created, then activated) with `products` products each in `categories` shared
 * categories. Returns the categories and, per shop, its handle, tag (the catalog's id prefix), vendor id, sales
 * channel, publishable key and five of its variants.
 */
export async function openShops(base, admin, { count, products, categories = 20, prefix = "bench-shop", databaseUrl = process.env.BENCH_DATABASE_URL }) {
  const { shipping_profiles } = await json(base, "GET", "/admin/shipping-profiles?type=default", null, admin)
  const categoryIds = []
  for (let c = 0; c < categories; c++) {
    categoryIds.push((await json(base, "POST", "/admin/product-categories", { name: `Bench category ${c}`, is_active: true }, admin)).product_category.id)
  }
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const shops = []
  try {
    for (let i = 0; i < count; i++) {
      const handle = `${prefix}-${i}`
      const { vendor } = await json(base, "POST", "/admin/vendors", { handle, name: `Bench shop ${i}`, owner: { email: `owner@${handle}.localhost`, password: "bench-owner-pass" } }, admin)
      await json(base, "POST", `/admin/vendors/${vendor.id}/activate`, {}, admin)
      const { vendor: full } = await json(base, "GET", `/admin/vendors/${vendor.id}`, null, admin)
      const tag = `s${i}`
      await seedShopCatalog(db, { tag, vendorId: vendor.id, salesChannelId: full.sales_channel.id, shippingProfileId: shipping_profiles[0].id, products, categoryIds })
      shops.push({ handle, tag, vendorId: vendor.id, salesChannelId: full.sales_channel.id, key: full.api_key.token, variants: [1, 2, 3, 4, 5].map((g) => `variant_${tag}_${g}_M`) })
    }
    await db.query("ANALYZE")
  } finally {
    await db.end()
  }
  return { categories: categoryIds, shops }
}
