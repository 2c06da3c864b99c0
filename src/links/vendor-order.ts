import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import TenancyModule from "../modules/tenancy"

/** The vendor that owns an order (a vendor owns many; each belongs to one vendor). */
export default defineLink(TenancyModule.linkable.vendor, { linkable: OrderModule.linkable.order, isList: true })
