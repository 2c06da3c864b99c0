import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { verifyStripeEvent } from "../../../modules/stripe-connect"

/**
 * Medusa's webhook route answers 200 to anything and checks the signature later, in its subscriber,
 * where a forged event only fails in the log. Stripe's events are checked here first, so a bad
 * signature is refused (400 STRIPE_WEBHOOK_SIGNATURE_INVALID) and never queued. The provider checks
 * again when it processes the event.
 */
function stripeSignature(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!process.env.STRIPE_API_KEY) {
    return next()
  }
  try {
    const secret = process.env.STRIPE_WEBHOOK_SECRET
    if (!secret) {
      throw new Error("STRIPE_WEBHOOK_SECRET is not set")
    }
    verifyStripeEvent((req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? "", req.headers["stripe-signature"], secret)
  } catch (e) {
    return next(maartError("INVALID_DATA", ErrorCodes.STRIPE_WEBHOOK_SIGNATURE_INVALID, `Stripe webhook refused: ${(e as Error).message}`))
  }
  next()
}

export const paymentHookMiddlewares: MiddlewareRoute[] = [
  // Medusa's own entry for this route keeps the raw body (preserveRawBody) the signature is over.
  { methods: ["POST"], matcher: "/hooks/payment/stripe_stripe", bodyParser: { preserveRawBody: true }, middlewares: [stripeSignature] },
]
