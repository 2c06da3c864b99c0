import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  updateVendorStatusWorkflow,
  VENDOR_STATUS_ACTIONS,
  type VendorStatusAction,
} from "../../../../../workflows/tenancy/workflows/update-vendor-status"
import { refetchVendor } from "../../helpers"

/** POST /admin/vendors/:id/{activate|suspend|verify} */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const action = req.params.action as VendorStatusAction
  if (!VENDOR_STATUS_ACTIONS.includes(action)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Unknown vendor action "${req.params.action}": use ${VENDOR_STATUS_ACTIONS.join(", ")}.`
    )
  }
  await updateVendorStatusWorkflow(req.scope).run({ input: { id: req.params.id, action } })
  res.json({ vendor: await refetchVendor(req, req.params.id) })
}
