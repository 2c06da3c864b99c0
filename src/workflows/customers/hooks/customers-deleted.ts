import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"

type Claim = { vendor_id: string; email: string; customer_id: string }

/**
 * A deleted shop customer frees its email at its shop, so the address can register there again; other
 * shops' accounts of the same email stay. (Medusa's removeCustomerAccountWorkflow, which the Admin API's
 * delete runs around this workflow, removes the customer's auth identity, and with it its password.)
 */
deleteCustomersWorkflow.hooks.customersDeleted(
  async ({ ids }, { container }) => {
    if (!ids.length) {
      return new StepResponse(undefined, undefined)
    }
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const claims: Claim[] = await pg("shop_customer_account").whereIn("customer_id", ids).delete().returning(["vendor_id", "email", "customer_id"])
    return new StepResponse(undefined, claims)
  },
  async (claims, { container }) => {
    if (claims?.length) {
      await container.resolve(ContainerRegistrationKeys.PG_CONNECTION)("shop_customer_account").insert(claims).onConflict(["vendor_id", "email"]).ignore()
    }
  }
)
