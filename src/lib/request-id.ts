import crypto from "node:crypto"
import { hookServerRequests } from "./server-hooks"

// Long enough for a UUID or a trace id, plain enough to log safely.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/** A well-formed incoming id is kept so callers can correlate; anything else is replaced. */
export function normalizeRequestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming
  return value && VALID_REQUEST_ID.test(value) ? value : crypto.randomUUID()
}

/**
 * Gives every HTTP request an `x-request-id` before any middleware runs, and
 * echoes it on the response. Medusa answers some requests (authentication,
 * publishable key, CORS) before project middlewares run, so the only place
 * that sees every request is the server itself. Medusa reads the header into
 * `req.requestId`, which its request log and our error handler use.
 */
export function installRequestIds(): void {
  hookServerRequests("requestId", (req, res) => {
    const id = normalizeRequestId(req.headers["x-request-id"])
    req.headers["x-request-id"] = id
    res.setHeader("x-request-id", id)
  })
}
