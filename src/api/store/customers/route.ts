import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { HttpTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { VendorScope } from "../../tenancy/context"
import { createShopCustomerAccountWorkflow } from "../../../workflows/customers/workflows/create-shop-customer-account"

type ShopRequest = AuthenticatedMedusaRequest<HttpTypes.StoreCreateCustomer> & { shop?: VendorScope }

/**
 * Registration at the publishable key's shop, in place of Medusa's handler (its authentication and
 * body validation still run): the account belongs to this shop only (docs/tenancy.md).
 */
export const POST = async (req: ShopRequest, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Request already authenticated as a customer.")
  }
  const { result: customerId } = await createShopCustomerAccountWorkflow(req.scope).run({
    input: { vendor_id: req.shop!.vendor_id, auth_identity_id: req.auth_context.auth_identity_id, customer: req.validatedBody },
  })
  const {
    data: [customer],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: req.queryConfig.fields,
    filters: { id: customerId },
  })
  res.status(200).json({ customer })
}
