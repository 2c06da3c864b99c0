import { model } from "@medusajs/framework/utils"
import Vendor from "./vendor"

/**
 * A host name a vendor's shop answers on besides `<handle>.<PLATFORM_DOMAIN>`:
 * a custom domain (answers once verified) or an extra platform subdomain.
 */
const VendorDomain = model
  .define("vendor_domain", {
    id: model.id({ prefix: "vdom" }).primaryKey(),
    hostname: model.text(),
    kind: model.enum(["subdomain", "custom"]).default("custom"),
    verified_at: model.dateTime().nullable(),
    // The token the vendor publishes in DNS to prove it owns the domain.
    verification_token: model.text().nullable(),
    vendor: model.belongsTo(() => Vendor, { mappedBy: "domains" }),
  })
  .indexes([{ on: ["hostname"], unique: true, where: "deleted_at IS NULL" }])

export default VendorDomain
