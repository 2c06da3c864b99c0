import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { getVendorStep } from "../steps/get-vendor"
import { updateVendorStep, type UpdateVendorStepInput } from "../steps/update-vendor"
import { validateStripeAccountStep } from "../steps/validate-stripe-account"
import { validateVendorHandleStep } from "../steps/validate-vendor-handle"

export const updateVendorWorkflowId = "update-vendor"

/**
 * Updates a vendor's profile; a new handle is validated like a new vendor's, a Stripe Connect
 * account id by its form.
 * Emits `vendor.updated`.
 *
 * @example
 * await updateVendorWorkflow(container).run({ input: { id: "ven_123", name: "Acme Lux" } })
 */
export const updateVendorWorkflow = createWorkflow(updateVendorWorkflowId, (input: UpdateVendorStepInput) => {
  getVendorStep({ id: input.id })
  validateStripeAccountStep({ stripe_account_id: input.stripe_account_id })
  const handle = when({ input }, ({ input }) => !!input.handle).then(() =>
    validateVendorHandleStep(transform({ input }, ({ input }) => ({ handle: input.handle!, except_vendor_id: input.id })))
  )
  const data = transform({ input, handle }, ({ input, handle }) => (handle ? { ...input, handle } : input))
  const vendor = updateVendorStep(data)
  emitEventStep({ eventName: "vendor.updated", data: transform({ vendor }, ({ vendor }) => ({ id: vendor.id })) })
  const vendorUpdated = createHook("vendorUpdated", { vendor })
  return new WorkflowResponse(vendor, { hooks: [vendorUpdated] })
})
