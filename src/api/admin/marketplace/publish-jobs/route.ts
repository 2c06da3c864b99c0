import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { TenantRequest } from "../../../tenancy/context"
import { withProgress } from "./helpers"
import type { AdminGetPublishJobsParamsType } from "./validators"

/** Publish jobs, newest first: a vendor's own; for platform admins every vendor's, filtered by vendor and status. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetPublishJobsParamsType> & TenantRequest, res: MedusaResponse) {
  const filters = { ...(req.filterableFields as Record<string, unknown>) }
  if (req.tenant?.kind === "vendor") {
    filters.vendor_id = req.tenant.vendor_id
  }
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "publish_job",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({ publish_jobs: data.map(withProgress), count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
