import { model } from "@medusajs/framework/utils"

/**
 * A vendor's Letzshop feeds: one URL per language, and whether the nightly
 * re-import runs them. The vendor's default language (tenancy) decides which
 * file's typed fields win.
 */
const FeedConfig = model
  .define("feed_config", {
    id: model.id({ prefix: "feedc" }).primaryKey(),
    vendor_id: model.text(),
    urls: model.json(),
    schedule_enabled: model.boolean().default(true),
    last_scheduled_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["vendor_id"], unique: true, where: "deleted_at IS NULL" }])

export default FeedConfig
