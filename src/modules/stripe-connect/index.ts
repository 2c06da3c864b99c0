import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeConnectProviderService from "./service"

export { CONNECTED_ACCOUNT_KEY, STRIPE_ACCOUNT_PATTERN, verifyStripeEvent } from "./service"

/** Registered as the payment module's `stripe` provider when STRIPE_API_KEY is set: `pp_stripe_stripe`. */
export default ModuleProvider(Modules.PAYMENT, { services: [StripeConnectProviderService] })
