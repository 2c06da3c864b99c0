import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  deleteProductsWorkflow,
  deleteSalesChannelsWorkflow,
  deleteStockLocationsWorkflow,
  emitEventStep,
  removeRemoteLinkStep,
  revokeApiKeysWorkflow,
} from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import { planVendorDeletionStep } from "../steps/plan-vendor-deletion"
import { softDeleteVendorStep } from "../steps/soft-delete-vendor"
import { softDeleteVendorTeamStep } from "../../team/steps/soft-delete-vendor-team"

export const deleteVendorWorkflowId = "delete-vendor"

/**
 * Deletes a vendor's shop: its products, stock locations, sales channel, team
 * memberships, domains and links; its publishable key is revoked last. Refused
 * while the vendor has orders unless `force` (orders are kept). Users are kept:
 * they may belong to other vendors. Every step is compensated. Emits
 * `vendor.deleted`.
 *
 * @example
 * await deleteVendorWorkflow(container).run({ input: { id: "ven_123", force: false } })
 */
export const deleteVendorWorkflow = createWorkflow(deleteVendorWorkflowId, (input: { id: string; force?: boolean }) => {
  const plan = planVendorDeletionStep(input)

  when({ plan }, ({ plan }) => plan.product_ids.length > 0).then(() => {
    deleteProductsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ ids: plan.product_ids })) })
  })
  when({ plan }, ({ plan }) => plan.stock_location_ids.length > 0).then(() => {
    deleteStockLocationsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ ids: plan.stock_location_ids })) })
  })
  when({ plan }, ({ plan }) => plan.sales_channel_ids.length > 0).then(() => {
    deleteSalesChannelsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ ids: plan.sales_channel_ids })) })
  })
  removeRemoteLinkStep(
    transform({ plan }, ({ plan }): Record<string, Record<string, string[]>> => ({ [TENANCY_MODULE]: { vendor_id: [plan.vendor_id] } }))
  )
  const vendorId = transform({ plan }, ({ plan }) => plan.vendor_id)
  softDeleteVendorTeamStep(vendorId)
  softDeleteVendorStep(vendorId)
  // Last: a revoked key cannot be un-revoked.
  when({ plan }, ({ plan }) => plan.api_key_ids.length > 0).then(() => {
    revokeApiKeysWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ selector: { id: plan.api_key_ids }, revoke: { revoked_by: "vendor-deletion" } })),
    })
  })
  emitEventStep({ eventName: "vendor.deleted", data: transform({ plan }, ({ plan }) => ({ id: plan.vendor_id })) })
  return new WorkflowResponse(plan)
})
