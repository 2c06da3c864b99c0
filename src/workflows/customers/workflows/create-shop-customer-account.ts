import type { CreateCustomerDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { claimShopCustomerEmailStep } from "../steps/claim-shop-customer-email"
import { validateShopCustomerIdentityStep } from "../steps/validate-shop-customer-identity"

export type CreateShopCustomerAccountInput = {
  vendor_id: string
  auth_identity_id: string
  customer: Omit<CreateCustomerDTO, "has_account">
}

export const createShopCustomerAccountWorkflowId = "create-shop-customer-account"

/**
 * Opens a customer account at one shop (replaces Medusa's createCustomerAccountWorkflow, which allows
 * one account per email platform-wide): checks that the registration identity is this shop's for this
 * email, creates the customer tied to the shop (the customersCreated hook links it to the vendor), takes
 * the email at the shop, and records the customer on the identity like Medusa does. A retry with an
 * identity that already has its customer returns that customer.
 *
 * @example
 * const { result } = await createShopCustomerAccountWorkflow(container).run({
 *   input: { vendor_id: "ven_…", auth_identity_id: "authid_…", customer: { email: "ana@example.lu" } },
 * })
 */
export const createShopCustomerAccountWorkflow = createWorkflow(
  createShopCustomerAccountWorkflowId,
  (input: CreateShopCustomerAccountInput) => {
    const existingId = validateShopCustomerIdentityStep(
      transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id, auth_identity_id: input.auth_identity_id, email: input.customer.email ?? "" }))
    )
    const createdId = when({ existingId }, ({ existingId }) => !existingId).then(() => {
      const customers = createCustomersWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          customersData: [{ ...input.customer, has_account: true }],
          additional_data: { vendor_id: input.vendor_id },
        })),
      })
      const customer = transform({ customers }, ({ customers }) => customers[0])
      claimShopCustomerEmailStep(
        transform({ input, customer }, ({ input, customer }) => ({ vendor_id: input.vendor_id, email: customer.email!, customer_id: customer.id }))
      )
      setAuthAppMetadataStep(
        transform({ input, customer }, ({ input, customer }) => ({ authIdentityId: input.auth_identity_id, actorType: "customer", value: customer.id }))
      )
      return transform({ customer }, ({ customer }) => customer.id)
    })
    return new WorkflowResponse(transform({ existingId, createdId }, ({ existingId, createdId }) => (existingId ?? createdId) as string))
  }
)
