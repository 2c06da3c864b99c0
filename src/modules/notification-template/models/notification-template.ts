import { model } from "@medusajs/framework/utils"

/**
 * A shop's own wording of one of its emails in one language: the subject and the
 * intro paragraph (templates.ts lists the emails, their variables and built-in
 * texts). A missing row, or a null field, means the built-in text. `enabled` only
 * matters for the shop's own new-order notice (it is the same on all its rows).
 * vendor_id is a plain column, as for the team's records: the override is read
 * with the vendor's id on every order email.
 */
const NotificationTemplate = model
  .define("notification_template", {
    id: model.id({ prefix: "ntpl" }).primaryKey(),
    vendor_id: model.text(),
    template: model.text(),
    language: model.text(),
    subject: model.text().nullable(),
    intro: model.text().nullable(),
    enabled: model.boolean().default(true),
  })
  .indexes([{ on: ["vendor_id", "template", "language"], unique: true, where: "deleted_at IS NULL" }])

export default NotificationTemplate
