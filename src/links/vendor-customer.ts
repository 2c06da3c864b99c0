import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import TenancyModule from "../modules/tenancy"

/** The vendor that owns a customer (a vendor owns many; each belongs to one vendor). */
export default defineLink(TenancyModule.linkable.vendor, { linkable: CustomerModule.linkable.customer, isList: true })
