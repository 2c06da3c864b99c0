import { model } from "@medusajs/framework/utils"
import VendorDomain from "./vendor-domain"

/** A tenant: one independent webshop with its own catalog, orders, customers and team. */
const Vendor = model
  .define("vendor", {
    id: model.id({ prefix: "ven" }).primaryKey(),
    handle: model.text().searchable(),
    name: model.text().searchable(),
    status: model.enum(["pending", "active", "suspended"]).default("pending"),
    verified_at: model.dateTime().nullable(),
    email: model.text().searchable().nullable(),
    phone: model.text().nullable(),
    // { line1, city, postal_code, country_code }
    address: model.json().nullable(),
    default_language: model.text().default("fr"),
    languages: model.array().default(["fr", "de", "en"]),
    // { primary_color, accent_color, logo_url, font }
    theme: model.json().nullable(),
    // The vendor's Stripe Connect account (acct_…): its shop's payments are made on it (docs/selling.md).
    stripe_account_id: model.text().nullable(),
    // { fr: url, de: url, en: url }
    metadata: model.json().nullable(),
    domains: model.hasMany(() => VendorDomain, { mappedBy: "vendor" }),
  })
  .indexes([
    { on: ["handle"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
  ])
  .cascades({ delete: ["domains"] })

export default Vendor
