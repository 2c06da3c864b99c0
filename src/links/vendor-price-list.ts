import { defineLink } from "@medusajs/framework/utils"
import PricingModule from "@medusajs/medusa/pricing"
import TenancyModule from "../modules/tenancy"

/** The vendor's sale price list (type `sale`): its feed and override sale prices (one per vendor). */
export default defineLink(TenancyModule.linkable.vendor, PricingModule.linkable.priceList)
