import { defineLink } from "@medusajs/framework/utils"
import InventoryModule from "@medusajs/medusa/inventory"
import TenancyModule from "../modules/tenancy"

/** The vendor that owns an inventory item (a vendor owns many; each belongs to one vendor). */
export default defineLink(TenancyModule.linkable.vendor, { linkable: InventoryModule.linkable.inventoryItem, isList: true })
