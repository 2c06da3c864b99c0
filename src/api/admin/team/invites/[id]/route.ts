import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeTeamInviteWorkflow } from "../../../../../workflows/team/workflows/revoke-team-invite"
import { activeVendorId, type TenantRequest } from "../../../../tenancy/context"
import { refetchTeamInvite } from "../../helpers"

/** Revokes an unused invitation: its link then answers INVITE_REVOKED. */
export async function DELETE(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  await revokeTeamInviteWorkflow(req.scope).run({ input: { id: req.params.id, vendor_id: vendorId } })
  res.json({ invite: await refetchTeamInvite(req, req.params.id, vendorId) })
}
