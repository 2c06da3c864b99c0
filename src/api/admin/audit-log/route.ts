import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../lib/errors"
import type { TenantRequest } from "../../tenancy/context"
import type { AdminGetAuditLogParamsType } from "./validators"

/**
 * The audit log, newest first: every entry for a platform admin (or a secret API
 * key), only the active vendor's for a vendor user — whatever vendor_id they ask for.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetAuditLogParamsType> & TenantRequest, res: MedusaResponse) {
  const { from, to, ...filters } = req.filterableFields as Partial<AdminGetAuditLogParamsType> & Record<string, unknown>
  const tenant = req.tenant
  if (tenant?.kind === "vendor") {
    filters.vendor_id = tenant.vendor_id
  } else if (tenant?.kind !== "platform" && req.auth_context.actor_type !== "api-key") {
    // The guard gives every signed-in user a tenant here; without one, show nothing rather than everything.
    throw maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, "The audit log is for platform admins and vendor owners.")
  }
  const created_at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }

  const { data: entries, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "audit_entry",
    fields: req.queryConfig.fields,
    filters: { ...filters, ...(from || to ? { created_at } : {}) },
    pagination: req.queryConfig.pagination,
  })
  res.json({ audit_entries: entries, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
