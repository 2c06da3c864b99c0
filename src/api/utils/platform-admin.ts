import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"

/** Platform admins are admin users flagged `metadata.platform_admin`; everyone else is a vendor user. */
export async function isPlatformAdmin(req: AuthenticatedMedusaRequest): Promise<boolean> {
  const { actor_id, actor_type } = req.auth_context ?? {}
  if (actor_type !== "user" || !actor_id) {
    return false
  }
  const [user] = await req.scope.resolve(Modules.USER).listUsers({ id: actor_id }, { select: ["id", "metadata"] })
  return user?.metadata?.platform_admin === true
}

/** Platform-only routes (the vendors API): vendor users get 403. */
export async function requirePlatformAdmin(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!(await isPlatformAdmin(req))) {
    return next(maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, "Only platform admins may do this."))
  }
  next()
}

/**
 * The platform-admin flag lives in user metadata, which Medusa lets users
 * write (POST /admin/users/:id, invites). Only a platform admin may set or
 * clear it; everyone else's attempt is refused before Medusa's handler runs.
 */
export async function guardPlatformAdminFlag(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const metadata = (req.body as { metadata?: Record<string, unknown> } | undefined)?.metadata
  if (metadata && typeof metadata === "object" && "platform_admin" in metadata && !(await isPlatformAdmin(req))) {
    return next(maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, "Only platform admins may grant or revoke platform admin."))
  }
  next()
}
