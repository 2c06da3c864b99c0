import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { TEAM_MODULE } from "../../modules/team"
import type TeamModuleService from "../../modules/team/service"

/**
 * A dashboard session starts with an active vendor: the user's oldest active
 * membership (or the one already chosen in this session, if it is theirs). Without one, a member of several vendors would meet an error on
 * the dashboard's first requests (GET /admin/stores answers 400
 * VENDOR_CONTEXT_REQUIRED) before reaching the vendor switcher. Only sessions
 * (the dashboard) get this default; bearer clients still name the vendor.
 */
async function defaultSessionVendor(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const actor = req.auth_context
    const session = req.session as { vendor_id?: string } | undefined
    if (session && actor?.actor_type === "user" && actor.actor_id) {
      const memberships = await req.scope
        .resolve<TeamModuleService>(TEAM_MODULE)
        .listMemberships({ user_id: actor.actor_id, active: true }, { select: ["vendor_id"], order: { created_at: "ASC" } })
      // A choice left in the session by another user (signed in again without signing out) is not this user's.
      if (!memberships.some((m) => m.vendor_id === session.vendor_id)) {
        session.vendor_id = memberships[0]?.vendor_id
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}

// After Medusa's authenticate() of POST /auth/session (which sets auth_context) and before its handler saves the session.
export const sessionVendorMiddlewares: MiddlewareRoute[] = [{ methods: ["POST"], matcher: "/auth/session", middlewares: [defaultSessionVendor] }]
