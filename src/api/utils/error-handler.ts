import { getHttpResponseFromError } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { codeOfMedusaError, GENERIC_CODES, isMaartCode, type MaartError } from "../../lib/errors"

type ErrorBody = { type: string; code: string; message: string; request_id: string; details?: unknown }

/**
 * The one error shape of the API (design.md §6): `{type, code, message,
 * request_id, details?}`. Status and type come from Medusa's own mapping; the
 * code is the error's own upper-snake code or a generic one for its type.
 */
export function maartErrorHandler(
  err: MaartError & { issues?: unknown },
  req: MedusaRequest,
  res: MedusaResponse,
  _next: MedusaNextFunction
) {
  const { statusCode, body } = zodIssues(err) ?? tooLarge(err) ?? getHttpResponseFromError(err)
  const requestId = (req as MedusaRequest & { requestId?: string }).requestId ?? "-"
  const ownCode = isMaartCode(err.code) ? err.code : codeOfMedusaError(err)
  const type = String(body.type ?? "unknown_error")
  const response: ErrorBody = {
    type,
    code: ownCode ?? GENERIC_CODES[type] ?? (statusCode >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST"),
    // Medusa rewrites the message of every conflict; ours are specific, keep them.
    message: ownCode ? err.message : String(body.message),
    request_id: requestId,
  }
  if (ownCode && err.details) {
    response.details = err.details
  }

  const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
  if (statusCode >= 500) {
    logger.error(`[${requestId}] ${req.method} ${req.originalUrl}: ${err?.stack ?? err}`)
  } else if (statusCode === 409 && !ownCode) {
    // The client sees Medusa's generic conflict message: keep the real cause (a lock, a running workflow…) in the log.
    logger.warn(`[${requestId}] ${req.method} ${req.originalUrl}: conflict: ${err?.message}`)
  }
  res.status(statusCode).json(response)
}

/** A JSON/text body over its route's `bodyParser.sizeLimit` (Express's error, which Medusa maps to a 500). */
function tooLarge(err: { type?: unknown; limit?: unknown }) {
  if (err?.type !== "entity.too.large") {
    return undefined
  }
  const limit = typeof err.limit === "number" ? ` of ${Math.round(err.limit / 1024)} kB` : ""
  return { statusCode: 413, body: { type: "payload_too_large", message: `The request body is over this route's limit${limit}.` } }
}

type ZodIssueLike = { path: (string | number)[]; message: string }

/** A raw zod error (thrown outside Medusa's validators) is bad input, not a crash. */
function zodIssues(err: { issues?: unknown }) {
  if (!Array.isArray(err?.issues)) {
    return undefined
  }
  const message = (err.issues as ZodIssueLike[])
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ")
  return { statusCode: 400, body: { type: "invalid_data", message } }
}
