import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import TenancyModule from "../modules/tenancy"

/** The vendor that owns a product (a vendor owns many; each belongs to one vendor). */
export default defineLink(TenancyModule.linkable.vendor, { linkable: ProductModule.linkable.product, isList: true })
