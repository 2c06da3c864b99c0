import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { inviteTeamMemberWorkflow } from "../../../../workflows/team/workflows/invite-team-member"
import { activeVendorId, actorPermissions, type TenantRequest } from "../../../tenancy/context"
import { inviterName, inviteStatus, refetchTeamInvite } from "../helpers"
import type { AdminCreateTeamInviteType, AdminGetTeamInvitesParamsType } from "../validators"

const STATUS_FILTERS = {
  pending: () => ({ accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } }),
  accepted: () => ({ accepted_at: { $ne: null } }),
  revoked: () => ({ revoked_at: { $ne: null } }),
  expired: () => ({ accepted_at: null, revoked_at: null, expires_at: { $lte: new Date() } }),
}

/** The active vendor's invitations, with their status; `?status=pending` for the open ones. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetTeamInvitesParamsType> & TenantRequest, res: MedusaResponse) {
  const status = req.validatedQuery.status
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "team_invite",
    fields: req.queryConfig.fields,
    filters: { vendor_id: activeVendorId(req), ...(status ? STATUS_FILTERS[status]() : {}) },
    pagination: req.queryConfig.pagination,
  })
  const invites = data.map((invite) => ({ ...invite, status: inviteStatus(invite) }))
  res.json({ invites, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}

/** Invites a person by email with a role; the link goes out by email only. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateTeamInviteType> & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  const { result } = await inviteTeamMemberWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      vendor_id: vendorId,
      invited_by: req.auth_context.actor_id,
      inviter_name: await inviterName(req),
      actor_permissions: actorPermissions(req),
    },
  })
  res.status(201).json({ invite: await refetchTeamInvite(req, result.id, vendorId) })
}
