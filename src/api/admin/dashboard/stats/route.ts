import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import { getDashboardStatsWorkflow } from "../../../../workflows/analytics/workflows/get-dashboard-stats"
import type { TenantRequest } from "../../../tenancy/context"
import { withProgress as importProgress } from "../../marketplace/imports/helpers"
import { withProgress as publishProgress } from "../../marketplace/publish-jobs/helpers"
import type { AdminGetDashboardStatsParamsType } from "../validators"

/**
 * The dashboard's figures over a date range: the active vendor's for a vendor user; for a platform
 * admin (or a secret API key) every vendor's with a per-vendor breakdown, or one vendor's with
 * `?vendor_id=`. See docs/selling.md#dashboard-stats.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetDashboardStatsParamsType> & TenantRequest, res: MedusaResponse) {
  const { vendor_id: asked, from, to, low_stock_threshold } = req.validatedQuery
  let vendorId: string | null
  if (req.tenant?.kind === "vendor") {
    if (asked && asked !== req.tenant.vendor_id) {
      throw maartError("FORBIDDEN", ErrorCodes.OUTSIDE_VENDOR_SCOPE, `vendor_id ${asked} is not yours.`, { field: "vendor_id" })
    }
    vendorId = req.tenant.vendor_id
  } else if (req.tenant?.kind === "platform" || req.auth_context.actor_type === "api-key") {
    vendorId = asked ?? null
  } else {
    // The guard gives every signed-in user a tenant here; without one, show nothing rather than everything.
    throw maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, "Dashboard stats are for vendor teams and platform admins.")
  }
  const { result: stats } = await getDashboardStatsWorkflow(req.scope).run({ input: { vendor_id: vendorId, from, to, low_stock_threshold } })
  res.json({
    stats: {
      ...stats,
      import_jobs: { ...stats.import_jobs, last: stats.import_jobs.last && importProgress(stats.import_jobs.last) },
      publish_jobs: { ...stats.publish_jobs, last: stats.publish_jobs.last && publishProgress(stats.publish_jobs.last) },
    },
  })
}
