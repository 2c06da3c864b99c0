// The catalog bench/store sells from: `products` products per shop written with INSERT … SELECT over
// generate_series (10 shops × 10k products take seconds, where the API would take hours), shaped like the rows
// Medusa's product and pricing modules write: each product with 3 variants (S/M/L) priced in EUR through their own
// price sets, in the shop's sales channel, linked to its vendor and the default shipping profile, in one of the
// given categories. Every 20th product is a draft (a storefront must never show it). Untracked inventory
// (manage_inventory false), so add-to-cart needs no stock levels.

const NOUNS = ["T-shirt", "Sweat", "Tasse", "Lampe", "Sac", "Casquette", "Coussin", "Carnet"]
const COLORS = ["rouge", "bleu", "vert", "noir", "blanc", "gris", "jaune", "rose", "bordeaux", "beige"]

/**
 * Writes the catalog of one shop. `tag` keeps ids and handles unique across shops; `categoryIds` get blocks of 20
 * products in turn (each with its draft). Ids are `prod_<tag>_<n>`, `variant_<tag>_<n>_<S|M|L>` (n from 1).
 * Returns the number of products written.
 */
export async function seedShopCatalog(db, { tag, vendorId, salesChannelId, shippingProfileId, products, categoryIds }) {
  await db.query("BEGIN")
  try {
    // created_at one second apart (newest last), so "-created_at" and the default order have a defined answer.
    await db.query(
      `INSERT INTO product (id, title, handle, description, status, is_giftcard, discountable, created_at, updated_at)
       SELECT 'prod_' || $1 || '_' || g,
              ($3::text[])[1 + g % array_length($3::text[], 1)] || ' ' || ($4::text[])[1 + (g * 7) % array_length($4::text[], 1)] || ' ' || $1 || ' ' || g,
              'bench-' || $1 || '-' || g,
              'Coton bio, imprimé à Luxembourg-Ville. Article ' || g,
              CASE WHEN g % 20 = 0 THEN 'draft' ELSE 'published' END, false, true,
              now() - interval '1 day' + g * interval '1 second', now()
       FROM generate_series(1, $2::int) g`,
      [tag, products, NOUNS, COLORS]
    )
    await db.query(
      `INSERT INTO product_variant (id, title, sku, product_id, manage_inventory, allow_backorder, variant_rank, created_at, updated_at)
       SELECT 'variant_' || $1 || '_' || g || '_' || s, s, 'SKU-' || upper($1) || '-' || g || '-' || s, 'prod_' || $1 || '_' || g, false, false, r, now(), now()
       FROM generate_series(1, $2::int) g, unnest(ARRAY['S', 'M', 'L']) WITH ORDINALITY AS v(s, r)`,
      [tag, products]
    )
    await db.query(
      `INSERT INTO price_set (id, created_at, updated_at)
       SELECT 'pset_' || $1 || '_' || g || '_' || s, now(), now()
       FROM generate_series(1, $2::int) g, unnest(ARRAY['S', 'M', 'L']) s`,
      [tag, products]
    )
    await db.query(
      `INSERT INTO price (id, price_set_id, currency_code, amount, raw_amount, rules_count, created_at, updated_at)
       SELECT 'price_' || $1 || '_' || g || '_' || s, 'pset_' || $1 || '_' || g || '_' || s, 'eur', a,
              jsonb_build_object('value', a::text, 'precision', 20), 0, now(), now()
       FROM generate_series(1, $2::int) g, unnest(ARRAY['S', 'M', 'L']) s, LATERAL (SELECT (990 + (g * 137) % 9000) / 100.0 AS a) p`,
      [tag, products]
    )
    await db.query(
      `INSERT INTO product_variant_price_set (id, variant_id, price_set_id)
       SELECT 'pvps_' || $1 || '_' || g || '_' || s, 'variant_' || $1 || '_' || g || '_' || s, 'pset_' || $1 || '_' || g || '_' || s
       FROM generate_series(1, $2::int) g, unnest(ARRAY['S', 'M', 'L']) s`,
      [tag, products]
    )
    await db.query(
      `INSERT INTO product_sales_channel (id, product_id, sales_channel_id)
       SELECT 'prodsc_' || $1 || '_' || g, 'prod_' || $1 || '_' || g, $3 FROM generate_series(1, $2::int) g`,
      [tag, products, salesChannelId]
    )
    await db.query(
      `INSERT INTO tenancy_vendor_product_product (id, vendor_id, product_id)
       SELECT 'vendprod_' || $1 || '_' || g, $3, 'prod_' || $1 || '_' || g FROM generate_series(1, $2::int) g`,
      [tag, products, vendorId]
    )
    await db.query(
      `INSERT INTO product_shipping_profile (id, product_id, shipping_profile_id)
       SELECT 'prodsp_' || $1 || '_' || g, 'prod_' || $1 || '_' || g, $3 FROM generate_series(1, $2::int) g`,
      [tag, products, shippingProfileId]
    )
    if (categoryIds.length) {
      await db.query(
        `INSERT INTO product_category_product (product_id, product_category_id)
         SELECT 'prod_' || $1 || '_' || g, ($3::text[])[1 + (g / 20) % array_length($3::text[], 1)] FROM generate_series(1, $2::int) g`,
        [tag, products, categoryIds]
      )
    }
    await db.query("COMMIT")
  } catch (e) {
    await db.query("ROLLBACK")
    throw e
  }
  return products
}
