import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import TenancyModule from "../modules/tenancy"

/** The vendor that owns a stock location (a vendor owns many; each belongs to one vendor). */
export default defineLink(TenancyModule.linkable.vendor, { linkable: StockLocationModule.linkable.stockLocation, isList: true })
