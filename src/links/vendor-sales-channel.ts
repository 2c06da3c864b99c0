import { defineLink } from "@medusajs/framework/utils"
import SalesChannelModule from "@medusajs/medusa/sales-channel"
import TenancyModule from "../modules/tenancy"

/** The sales channel that is the vendor's webshop (one per vendor). */
export default defineLink(TenancyModule.linkable.vendor, SalesChannelModule.linkable.salesChannel)
