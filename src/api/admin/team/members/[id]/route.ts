import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeMembershipWorkflow } from "../../../../../workflows/team/workflows/remove-membership"
import { updateMembershipWorkflow } from "../../../../../workflows/team/workflows/update-membership"
import { activeVendorId, actorPermissions, type TenantRequest } from "../../../../tenancy/context"
import { refetchTeamRecord } from "../../helpers"
import type { AdminUpdateTeamMemberType } from "../../validators"

/** Gives a member another role, or (de)activates them. The last active Owner stays. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateTeamMemberType> & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  await updateMembershipWorkflow(req.scope).run({
    input: { ...req.validatedBody, vendor_id: vendorId, membership_id: req.params.id, actor_permissions: actorPermissions(req) },
  })
  res.json({ member: await refetchTeamRecord(req, "membership", req.params.id, vendorId) })
}

/** Takes a member out of the team; their next request to this vendor is refused. */
export async function DELETE(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  await removeMembershipWorkflow(req.scope).run({
    input: { vendor_id: activeVendorId(req), membership_id: req.params.id, actor_permissions: actorPermissions(req) },
  })
  res.json({ id: req.params.id, object: "member", deleted: true })
}
