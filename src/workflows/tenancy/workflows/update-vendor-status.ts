import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { getVendorStep } from "../steps/get-vendor"
import { updateVendorStep } from "../steps/update-vendor"

export const VENDOR_STATUS_ACTIONS = ["activate", "suspend", "verify"] as const
export type VendorStatusAction = (typeof VENDOR_STATUS_ACTIONS)[number]

const STATUS_EVENTS: Record<VendorStatusAction, string> = {
  activate: "vendor.activated",
  suspend: "vendor.suspended",
  verify: "vendor.verified",
}

export const updateVendorStatusWorkflowId = "update-vendor-status"

/**
 * A platform admin's decision on a vendor: `activate` opens its shop,
 * `suspend` takes it offline without deleting anything, `verify` records that
 * the platform checked the business (and opens a pending shop). Emits
 * `vendor.activated`, `vendor.suspended` or `vendor.verified`.
 *
 * @example
 * await updateVendorStatusWorkflow(container).run({ input: { id: "ven_123", action: "suspend" } })
 */
export const updateVendorStatusWorkflow = createWorkflow(
  updateVendorStatusWorkflowId,
  (input: { id: string; action: VendorStatusAction }) => {
    const current = getVendorStep({ id: input.id })
    const change = transform({ input, current }, ({ input, current }) => {
      switch (input.action) {
        case "activate":
          return { id: input.id, status: "active" as const }
        case "suspend":
          return { id: input.id, status: "suspended" as const }
        case "verify":
          return {
            id: input.id,
            verified_at: current.verified_at ?? new Date(),
            status: current.status === "pending" ? ("active" as const) : current.status,
          }
      }
    })
    const vendor = updateVendorStep(change)
    emitEventStep({
      eventName: transform({ input }, ({ input }) => STATUS_EVENTS[input.action]),
      data: transform({ vendor }, ({ vendor }) => ({ id: vendor.id })),
    })
    return new WorkflowResponse(vendor)
  }
)
