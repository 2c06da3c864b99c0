import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createTeamRoleWorkflow } from "../../../../workflows/team/workflows/create-team-role"
import { activeVendorId, actorPermissions, type TenantRequest } from "../../../tenancy/context"
import { refetchTeamRecord } from "../helpers"
import type { AdminCreateTeamRoleType } from "../validators"

/** The active vendor's roles: the four defaults and its custom ones. */
export async function GET(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  const { data: roles, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "team_role",
    fields: req.queryConfig.fields,
    filters: { vendor_id: activeVendorId(req) },
    pagination: req.queryConfig.pagination,
  })
  res.json({ roles, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}

/** Creates a custom role from permissions the actor holds. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateTeamRoleType> & TenantRequest, res: MedusaResponse) {
  const vendorId = activeVendorId(req)
  const { result } = await createTeamRoleWorkflow(req.scope).run({
    input: { ...req.validatedBody, vendor_id: vendorId, actor_permissions: actorPermissions(req) },
  })
  res.status(201).json({ role: await refetchTeamRecord(req, "team_role", result.id, vendorId) })
}
