import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { platformUserFilters, withMemberships } from "./helpers"
import type { AdminGetPlatformUsersParamsType } from "./validators"

/** Platform admins: every user with their memberships; `q`, `vendor_id`, `status` (active|deactivated), pagination. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetPlatformUsersParamsType>, res: MedusaResponse) {
  const { skip: offset = 0, take: limit } = req.queryConfig.pagination
  const filters = await platformUserFilters(req, req.filterableFields)
  if (!filters) {
    return res.json({ users: [], count: 0, offset, limit })
  }
  const { data: users, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "user",
    fields: [...new Set([...req.queryConfig.fields, "id", "metadata"])],
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({ users: await withMemberships(req, users), count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
