import { defineLink } from "@medusajs/framework/utils"
import ApiKeyModule from "@medusajs/medusa/api-key"
import TenancyModule from "../modules/tenancy"

/** The vendor's publishable API key, the Store API's way to its shop (one per vendor). */
export default defineLink(TenancyModule.linkable.vendor, ApiKeyModule.linkable.apiKey)
