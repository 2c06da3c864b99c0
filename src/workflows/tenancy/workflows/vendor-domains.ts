import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createVendorDomainStep } from "../steps/create-vendor-domain"
import { deleteVendorDomainStep } from "../steps/delete-vendor-domain"
import { validateVendorDomainStep } from "../steps/validate-vendor-domain"
import { verifyVendorDomainStep } from "../steps/verify-vendor-domain"

export const addVendorDomainWorkflowId = "add-vendor-domain"

/**
 * Adds a custom domain to a vendor, unverified until its TXT record proves
 * ownership (see verifyVendorDomainWorkflow). Emits `vendor_domain.created`.
 */
export const addVendorDomainWorkflow = createWorkflow(
  addVendorDomainWorkflowId,
  (input: { vendor_id: string; hostname: string }) => {
    const hostname = validateVendorDomainStep(input)
    const domain = createVendorDomainStep(transform({ input, hostname }, ({ input, hostname }) => ({ vendor_id: input.vendor_id, hostname })))
    emitEventStep({ eventName: "vendor_domain.created", data: transform({ domain }, ({ domain }) => ({ id: domain.id })) })
    return new WorkflowResponse(domain)
  }
)

export const verifyVendorDomainWorkflowId = "verify-vendor-domain"

/** Verifies a vendor's domain (DNS TXT, or a platform admin's confirmation). Emits `vendor_domain.updated`. */
export const verifyVendorDomainWorkflow = createWorkflow(
  verifyVendorDomainWorkflowId,
  (input: { vendor_id: string; domain_id: string; confirmed?: boolean }) => {
    const domain = verifyVendorDomainStep(input)
    emitEventStep({ eventName: "vendor_domain.updated", data: transform({ input }, ({ input }) => ({ id: input.domain_id })) })
    return new WorkflowResponse(domain)
  }
)

export const removeVendorDomainWorkflowId = "remove-vendor-domain"

/** Removes a vendor's domain: its shop stops answering there. Emits `vendor_domain.deleted`. */
export const removeVendorDomainWorkflow = createWorkflow(
  removeVendorDomainWorkflowId,
  (input: { vendor_id: string; domain_id: string }) => {
    const id = deleteVendorDomainStep(input)
    emitEventStep({ eventName: "vendor_domain.deleted", data: transform({ id }, ({ id }) => ({ id })) })
    return new WorkflowResponse(id)
  }
)
