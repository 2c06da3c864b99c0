import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../lib/errors"
import { requiredPermission } from "../../modules/team/permissions"
import { loadAdminUser, resolveAdminTenant, type TenantRequest } from "./context"
import { assertFieldsInScope } from "./field-scope"
import { applyScopeFilter, owns } from "./ownership"
import { ADMIN_POLICY, permissionOf, type Method, type RuleContext } from "./policy"
import { matchRoute, requestPath } from "./route-match"

/**
 * The tenancy guard for /admin/*. Registered without a method so it runs before
 * Medusa's validators: list filters written into req.query are then validated
 * and applied by Medusa itself (findings.md).
 */
export async function adminTenancyGuard(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await decide(req as AuthenticatedMedusaRequest & TenantRequest)
    next()
  } catch (e) {
    next(e)
  }
}

async function decide(req: AuthenticatedMedusaRequest & TenantRequest) {
  const actor = req.auth_context
  // Unauthenticated admin routes answer for themselves; secret API keys are the platform's.
  if (!actor?.actor_id || actor.actor_type !== "user") {
    return
  }
  const method = req.method as Method
  const match = matchRoute(ADMIN_POLICY, method, requestPath(req.originalUrl))
  if (match?.entry.rule.scope === "public") {
    return
  }
  // A deactivated user's still-valid token or session is worthless from the next request on.
  const user = await loadAdminUser(req, actor.actor_id)
  if (user.deactivated) {
    throw maartError("UNAUTHORIZED", ErrorCodes.USER_DEACTIVATED, "This user has been deactivated.")
  }
  if (match?.entry.rule.scope === "self") {
    return
  }
  const tenant = await resolveAdminTenant(req, user)
  req.tenant = tenant
  if (tenant.kind === "platform") {
    return
  }
  if (!match) {
    throw maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, `${req.method} ${requestPath(req.originalUrl)} is for platform admins only.`)
  }
  // The role in the active vendor decides, before any record is looked at.
  const needed = requiredPermission(permissionOf(match.entry, method))
  if (needed && !tenant.permissions.has(needed)) {
    throw maartError("FORBIDDEN", ErrorCodes.PERMISSION_DENIED, `Your role (${tenant.role.name}) does not include ${needed}.`, {
      permission: needed,
    })
  }

  const { rule } = match.entry
  // Global configuration and customers (known to several shops until per-shop accounts) are shared roots.
  assertFieldsInScope(req.query.fields, rule.scope === "global" || match.entry.route.startsWith("/admin/customers"))
  const ctx: RuleContext = { req, scope: tenant, body: (req.body ?? {}) as Record<string, any> }
  switch (rule.scope) {
    case "global":
    case "vendor":
      return
    case "list":
      applyScopeFilter(req.query, await rule.filter(ctx))
      return
    case "owned-query": {
      const id = req.query[rule.query]
      if (typeof id !== "string" || !(await owns(req, tenant, rule.resource, id))) {
        throw maartError("FORBIDDEN", ErrorCodes.OUTSIDE_VENDOR_SCOPE, `Name one of your own records in ?${rule.query}=.`)
      }
      return
    }
    case "owned":
      for (const [param, resource] of Object.entries(rule.params)) {
        if (!(await owns(req, tenant, resource, match.params[param]))) {
          // Another vendor's record is reported exactly like a missing one.
          throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No ${resource.replace(/_/g, " ")} ${match.params[param]}.`)
        }
      }
      await rule.body?.(ctx)
      return
    case "create":
      await rule.body(ctx)
      return
  }
}
