import crypto from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { ICacheService, ILockingModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../lib/errors"
import type { TenantRequest } from "./tenancy/context"

/**
 * Safe retries of writes with an `Idempotency-Key` header (the IETF draft's header, Stripe's semantics):
 * the first request with a key runs and its JSON answer is kept for IDEMPOTENCY_TTL_HOURS (default 24); a
 * retry with the same key and the same request gets that answer again (`Idempotent-Replayed: true`) instead
 * of a second refund, order or import. The same key on another request is refused
 * (400 IDEMPOTENCY_KEY_REUSED); a retry while the first is still running waits for nothing and gets 409
 * IDEMPOTENCY_KEY_IN_PROGRESS. Keys belong to who sent them: the admin user and active vendor, or the
 * publishable key and customer on the Store API — nobody replays another's answer. Refusals (4xx) are kept
 * like successes; server errors, conflicts (409) and rate limits (429) are not: the retry runs again. Without the header nothing changes.
 *
 * Built on Medusa's locking module (the in-progress mark, with a lease so a crashed instance does not hold
 * a key forever) and cache module (the answers): Redis when REDIS_URL is set, so a retry that lands on
 * another instance is recognised; the process (and PostgreSQL for the lock) otherwise.
 */
export const IDEMPOTENCY_HEADER = "idempotency-key"
const IN_PROGRESS_LEASE_SECONDS = 120
const MAX_KEY_LENGTH = 255

type Kept = { fingerprint: string; status: number; body: unknown }

const ttlSeconds = () => Math.max(1, Number(process.env.IDEMPOTENCY_TTL_HOURS || 24)) * 3600

/** Whose key it is: a key is only ever matched against the same sender's. */
function ownerOf(req: MedusaRequest): string {
  const tenant = (req as TenantRequest).tenant
  const actor = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
  if (req.path.startsWith("/admin")) {
    const vendor = tenant?.kind === "vendor" ? tenant.vendor_id : req.get("x-vendor-id") ?? "platform"
    return `admin:${actor?.actor_id ?? "anonymous"}:${vendor}`
  }
  return `store:${req.get("x-publishable-api-key") ?? ""}:${actor?.actor_id ?? "guest"}`
}

const hash = (value: string) => crypto.createHash("sha256").update(value).digest("base64url")

export async function idempotentRetries(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const key = req.get(IDEMPOTENCY_HEADER)
  if (!key || !["POST", "PUT", "PATCH", "DELETE"].includes(req.method)) {
    return next()
  }
  try {
    if (key.length > MAX_KEY_LENGTH) {
      throw maartError("INVALID_DATA", ErrorCodes.IDEMPOTENCY_KEY_INVALID, `An Idempotency-Key has at most ${MAX_KEY_LENGTH} characters.`)
    }
    const cache = req.scope.resolve<ICacheService>(Modules.CACHE)
    const locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
    const id = `maart:idempotency:${hash(`${ownerOf(req)}\n${key}`)}`
    const fingerprint = hash(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)

    const replay = (kept: Kept) => {
      if (kept.fingerprint !== fingerprint) {
        throw maartError("INVALID_DATA", ErrorCodes.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for another request: use a new key for a new request.")
      }
      res.setHeader("Idempotent-Replayed", "true")
      res.status(kept.status).json(kept.body)
    }

    const earlier = await cache.get<Kept>(id)
    if (earlier) {
      return replay(earlier)
    }
    try {
      await locking.acquire(id, { expire: IN_PROGRESS_LEASE_SECONDS })
    } catch {
      throw maartError("CONFLICT", ErrorCodes.IDEMPOTENCY_KEY_IN_PROGRESS, "A request with this Idempotency-Key is still running: retry once it has answered.")
    }
    let released = false
    const release = () => {
      if (!released) {
        released = true
        locking.release(id).catch(() => undefined) // the lease ends it otherwise
      }
    }
    // It may have finished between the first look and the lock.
    const finished = await cache.get<Kept>(id)
    if (finished) {
      release()
      return replay(finished)
    }

    const json = res.json.bind(res)
    let keeping = false
    res.json = (body: unknown) => {
      res.json = json
      const status = res.statusCode
      if (status >= 500 || status === 409 || status === 429) {
        // A crash, a conflict, a rate limit: passing states — the retry runs again.
        release()
        return json(body)
      }
      // Kept before the answer leaves, and the lock let go after: a retry racing the answer finds it.
      keeping = true
      cache
        .set(id, { fingerprint, status, body } satisfies Kept, ttlSeconds())
        .catch(() => undefined)
        .finally(() => {
          json(body)
          release()
        })
      return res
    }
    // An answer that is not JSON (a file, a redirect) is not kept. A client that hung up before the answer
    // does not free the key while the request still runs: its answer (or the lease) does.
    res.once("finish", () => !keeping && release())
    res.once("close", () => !keeping && res.writableEnded && release())
    next()
  } catch (e) {
    next(e)
  }
}

/** After the tenancy guards (keys belong to the actor and vendor they set), before any route's handler. */
export const idempotencyMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", middlewares: [idempotentRetries] },
  { matcher: "/store*", middlewares: [idempotentRetries] },
]
