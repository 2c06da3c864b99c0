import { model } from "@medusajs/framework/utils"

/**
 * One feed item (`id`) of a vendor, merged over its language files: texts per
 * language, the typed fields of the default language (or the first one seen),
 * the raw rows as read. Written in batches by COPY and one merge statement
 * (staging/copy-batch.ts), never row by row; its JSON columns compress with
 * lz4 (Migration20261127210000).
 */
const StagedProduct = model
  .define("staged_product", {
    id: model.id({ prefix: "stg" }).primaryKey(),
    vendor_id: model.text(),
    external_id: model.text(),
    group_id: model.text().nullable(),
    title: model.text().nullable(),
    brand: model.text().nullable(),
    availability: model.text().nullable(),
    price_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    gtin: model.text().nullable(),
    texts: model.json(),
    data: model.json(),
    raw: model.json(),
    data_language: model.text().nullable(),
    content_hash: model.text(),
    first_seen_at: model.dateTime(),
    last_seen_at: model.dateTime(),
    // The import run that last saw the item, per language: repeats within a run are duplicates,
    // items the default language's full run did not see are gone.
    seen_runs: model.json(),
    gone_at: model.dateTime().nullable(),
    selected: model.boolean().default(false),
    published_product_id: model.text().nullable(),
    published_hash: model.text().nullable(),
    upstream_changed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["vendor_id", "external_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["vendor_id", "group_id"], where: "deleted_at IS NULL" },
    { on: ["vendor_id", "selected"], where: "deleted_at IS NULL" },
  ])

export default StagedProduct
