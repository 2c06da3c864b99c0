import { model } from "@medusajs/framework/utils"

export const MEDIA_KINDS = ["image", "other"] as const

/**
 * One file a vendor uploaded to its media library. Medusa's file module keeps no
 * table of its own, so this is the record: the file module's id (its key), the
 * public URL products use, and what the library shows and filters on. vendor_id is
 * a plain column (as the team's records): every read is within one vendor.
 */
const MediaFile = model
  .define("media_file", {
    id: model.id({ prefix: "media" }).primaryKey(),
    vendor_id: model.text(),
    file_id: model.text(),
    url: model.text(),
    filename: model.text().searchable(),
    mime_type: model.text(),
    kind: model.enum([...MEDIA_KINDS]),
    size: model.number(),
    alt: model.text().nullable(),
    width: model.number().nullable(),
    height: model.number().nullable(),
    uploaded_by: model.text().nullable(),
  })
  .indexes([
    { on: ["vendor_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["vendor_id", "kind"], where: "deleted_at IS NULL" },
    { on: ["file_id"], unique: true, where: "deleted_at IS NULL" },
  ])

export default MediaFile
