import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import type { TenantRequest } from "../../../tenancy/context"
import type { AdminGetInventoryMovementsParamsType } from "./validators"

/**
 * The inventory ledger, newest first: the active vendor's movements for a vendor
 * user (whatever vendor_id they ask for), every vendor's for a platform admin.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetInventoryMovementsParamsType> & TenantRequest, res: MedusaResponse) {
  const { from, to, q, ...filters } = req.filterableFields as Partial<AdminGetInventoryMovementsParamsType> & Record<string, unknown>
  const tenant = req.tenant
  if (tenant?.kind === "vendor") {
    filters.vendor_id = tenant.vendor_id
  } else if (tenant?.kind !== "platform" && req.auth_context.actor_type !== "api-key") {
    // The guard gives every signed-in user a tenant here; without one, show nothing rather than everything.
    throw maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, "Inventory movements are for platform admins and vendor teams.")
  }
  const created_at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }

  const { data: movements, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inventory_movement",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      ...(from || to ? { created_at } : {}),
      ...(q ? { sku: { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {}),
    },
    pagination: req.queryConfig.pagination,
  })
  res.json({ inventory_movements: movements, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
