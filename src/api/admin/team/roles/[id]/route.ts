import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteTeamRoleWorkflow } from "../../../../../workflows/team/workflows/delete-team-role"
import { updateTeamRoleWorkflow } from "../../../../../workflows/team/workflows/update-team-role"
import { activeVendorId, actorPermissions, type TenantRequest } from "../../../../tenancy/context"
import { refetchTeamRecord } from "../../helpers"
import type { AdminUpdateTeamRoleType } from "../../validators"

export async function GET(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  res.json({ role: await refetchTeamRecord(req, "team_role", req.params.id, activeVendorId(req)) })
}

/** Renames a role or changes its permissions (not the Owner's); members feel it on their next request. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateTeamRoleType> & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  await updateTeamRoleWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id, vendor_id: vendorId, actor_permissions: actorPermissions(req) },
  })
  res.json({ role: await refetchTeamRecord(req, "team_role", req.params.id, vendorId) })
}

/** Deletes a custom role nobody holds. */
export async function DELETE(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  await deleteTeamRoleWorkflow(req.scope).run({
    input: { id: req.params.id, vendor_id: activeVendorId(req), actor_permissions: actorPermissions(req) },
  })
  res.json({ id: req.params.id, object: "role", deleted: true })
}
