import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"
import type { AdminGetTeamMembersParamsType } from "../validators"

/** The active vendor's team: members with their user and role. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetTeamMembersParamsType> & TenantRequest, res: MedusaResponse) {
  const { data: members, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "membership",
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, vendor_id: activeVendorId(req) },
    pagination: req.queryConfig.pagination,
  })
  res.json({ members, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
