import { model } from "@medusajs/framework/utils"

/**
 * What a vendor changed about a feed item for its shop — price, sale price,
 * title and description per language, status. Kept apart from staging, so a
 * re-import never overwrites it; every publish applies it over the feed's data.
 */
const PublishOverride = model
  .define("publish_override", {
    id: model.id({ prefix: "povr" }).primaryKey(),
    vendor_id: model.text(),
    staged_product_id: model.text(),
    price_amount: model.number().nullable(),
    sale_price_amount: model.number().nullable(),
    titles: model.json().nullable(),
    descriptions: model.json().nullable(),
    status: model.enum(["draft", "published"]).nullable(),
  })
  .indexes([{ on: ["staged_product_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["vendor_id"], where: "deleted_at IS NULL" }])

export default PublishOverride
