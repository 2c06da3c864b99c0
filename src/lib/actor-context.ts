import { AsyncLocalStorage } from "node:async_hooks"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Who an Admin API request acts as, for records written further down its call chain. */
export type RequestActor = { actor_type: "user"; actor_id: string; request_id: string | null }

const storage = new AsyncLocalStorage<RequestActor>()

/**
 * The signed-in admin user of the request this code runs for, if any. Workflows
 * the request runs — and, with the in-process event bus, the subscribers of the
 * events they emit — see it; a subscriber run by the Redis event bus's worker does not.
 */
export const currentRequestActor = (): RequestActor | undefined => storage.getStore()

/**
 * Runs the rest of an /admin request inside its actor context. The actor is read
 * from Medusa's `auth_context` as the audit recorder reads it (src/api/audit/recorder.ts);
 * secret API keys are the platform's automation and act as the system.
 */
export function actorContext(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  if (auth?.actor_type !== "user" || !auth.actor_id) {
    return next()
  }
  storage.run({ actor_type: "user", actor_id: auth.actor_id, request_id: req.requestId ?? null }, next)
}
