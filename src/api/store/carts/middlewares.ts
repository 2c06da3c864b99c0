import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { assertVariantsInSalesChannel } from "../../../workflows/checkout/variants-in-sales-channel"

type CartBody = { sales_channel_id?: string; items?: { variant_id?: string }[] }

/**
 * A new cart's items must be the shop's. Checked here, not only in the
 * createCartWorkflow hook, because Medusa's inventory confirmation runs before
 * that hook and refuses a foreign stocked variant with a message about stock
 * locations. The tenancy guard has already set the body's sales channel to the shop's.
 */
async function newCartItemsInShop(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = (req.validatedBody ?? req.body ?? {}) as CartBody
    if (Array.isArray(body.items)) {
      await assertVariantsInSalesChannel(req.scope, body.sales_channel_id, body.items.map((i) => i?.variant_id))
    }
    next()
  } catch (e) {
    next(e)
  }
}

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/store/carts", middlewares: [newCartItemsInShop] },
]
