import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendTeamInviteWorkflow } from "../../../../../../workflows/team/workflows/resend-team-invite"
import { activeVendorId, type TenantRequest } from "../../../../../tenancy/context"
import { inviterName, refetchTeamInvite } from "../../../helpers"

/** Sends an unused invitation again with a new link and expiry; the old link stops working. */
export async function POST(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  await resendTeamInviteWorkflow(req.scope).run({ input: { id: req.params.id, vendor_id: vendorId, inviter_name: await inviterName(req) } })
  res.json({ invite: await refetchTeamInvite(req, req.params.id, vendorId) })
}
