import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendTeamInviteWorkflow } from "../../../../../../workflows/team/workflows/resend-team-invite"
import { activeVendorId, type TenantRequest } from "../../../../../tenancy/context"
import { inviterName, inviteStatus, refetchTeamRecord } from "../../../helpers"

/** Sends an unused invitation again with a new link and expiry; the old link stops working. */
export async function POST(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  await resendTeamInviteWorkflow(req.scope).run({ input: { id: req.params.id, vendor_id: vendorId, inviter_name: await inviterName(req) } })
  const invite = await refetchTeamRecord(req, "team_invite", req.params.id, vendorId)
  res.json({ invite: { ...invite, status: inviteStatus(invite) } })
}
