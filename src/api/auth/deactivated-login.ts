import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { loadAdminUser } from "../tenancy/context"

const deactivated = () => maartError("UNAUTHORIZED", ErrorCodes.USER_DEACTIVATED, "This user has been deactivated.")

// For an ILIKE pattern that matches the address itself, case aside.
const exactly = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Admin login (emailpass) of a deactivated user: 401 USER_DEACTIVATED before Medusa issues a token.
 * Only with the right password — a wrong one gets Medusa's usual answer — so the login form does
 * not tell strangers which addresses are deactivated. The password is checked here only when a
 * deactivated user has the address (case aside); the authenticated identity's own user decides.
 */
async function refuseDeactivatedLogin(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const email = (req.body as Record<string, unknown> | undefined)?.email
    // Params are decoded: `emailp%61ss` is emailpass too.
    if (req.params.actor_type !== "user" || req.params.auth_provider !== "emailpass" || typeof email !== "string" || !email) {
      return next()
    }
    const { data: candidates } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "user",
      fields: ["id", "metadata"],
      filters: { email: { $ilike: exactly(email.trim()) } },
    })
    if (!candidates.some((u) => u.metadata?.deactivated_at)) {
      return next()
    }
    const { success, error, authIdentity } = await req.scope.resolve(Modules.AUTH).authenticate("emailpass", {
      url: req.url,
      headers: req.headers as Record<string, string>,
      query: req.query as Record<string, string>,
      body: req.body as Record<string, string>,
      protocol: req.protocol,
    })
    if (!success) {
      // Medusa's own answer, without checking the password a second time (same timing as any login).
      return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, error || "Authentication failed"))
    }
    const userId = authIdentity?.app_metadata?.user_id
    if (typeof userId === "string" && (await loadAdminUser(req, userId)).deactivated) {
      return next(deactivated())
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** A still-valid token of a deactivated user cannot be refreshed or turned into a session. */
async function refuseDeactivatedToken(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const actor = req.auth_context
    if (actor?.actor_type === "user" && actor.actor_id && (await loadAdminUser(req, actor.actor_id)).deactivated) {
      return next(deactivated())
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Deactivated admin users (`metadata.deactivated_at`, set by setUserActiveWorkflow) get 401
 * USER_DEACTIVATED at login and token refresh; the tenancy guard refuses their other requests.
 */
export const deactivatedLoginMiddlewares: MiddlewareRoute[] = [
  // GET too: Medusa's GET login handler reads a JSON body just the same.
  { methods: ["GET", "POST"], matcher: "/auth/:actor_type/:auth_provider", middlewares: [refuseDeactivatedLogin] },
  // After Medusa's own authenticate() of these routes, which sets auth_context.
  { methods: ["POST"], matcher: "/auth/token/refresh", middlewares: [refuseDeactivatedToken] },
  { methods: ["POST"], matcher: "/auth/session", middlewares: [refuseDeactivatedToken] },
]
