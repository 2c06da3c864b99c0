import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CONNECTED_ACCOUNT_KEY } from "../../../modules/stripe-connect"
import type { VendorScope } from "../../tenancy/context"

type SessionBody = { provider_id?: string; data?: Record<string, unknown> }

/**
 * The shop's Stripe Connect account reaches the Stripe provider only through the payment session's
 * data (a provider sees no links): set here from the publishable key's shop (the store guard's
 * `req.shop`, which has already checked the collection is the shop's). Whatever a client sent under
 * that key is dropped first. Medusa's handler reads `req.body`, its validator wrote `req.validatedBody`.
 */
async function connectedAccountOfShop(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const bodies = [req.body, req.validatedBody].filter((b): b is SessionBody => !!b && typeof b === "object")
    for (const body of bodies) {
      if (body.data && typeof body.data === "object") {
        delete body.data[CONNECTED_ACCOUNT_KEY]
      }
    }
    const shop = (req as MedusaRequest & { shop?: VendorScope }).shop
    const providerId = bodies[0]?.provider_id
    if (shop && providerId?.startsWith("pp_stripe")) {
      const {
        data: [vendor],
      } = await req.scope
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "vendor", fields: ["stripe_account_id"], filters: { id: shop.vendor_id } })
      if (vendor?.stripe_account_id) {
        for (const body of bodies) {
          body.data = { ...(body.data ?? {}), [CONNECTED_ACCOUNT_KEY]: vendor.stripe_account_id }
        }
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}

export const storePaymentCollectionRoutesMiddlewares: MiddlewareRoute[] = [
  // With `methods`: after Medusa's validator, so nothing rewrites the data afterwards.
  { methods: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [connectedAccountOfShop] },
]
