import http from "node:http"
import { logger as defaultLogger } from "@medusajs/framework/logger"
import type { Logger } from "@medusajs/framework/types"
import { ErrorCodes } from "./errors"
import { exposition, hasMetricsToken, metrics } from "./metrics"
import { hookServerRequests } from "./server-hooks"


/** What Express and the tenancy guards leave on the request by the time it finishes. */
type FinishedRequest = http.IncomingMessage & {
  route?: { path?: unknown }
  baseUrl?: string
  tenant?: { kind: string; vendor_id?: string }
  shop?: { vendor_id: string }
  /** Medusa's request container: absent on requests answered before Medusa's first middleware. */
  scope?: { resolve<T>(key: string): T }
}

/**
 * The matched route pattern (`/store/products/:id`), never the raw URL, so the
 * histogram's label set stays bounded. Express leaves `req.route` on the request
 * once a route layer (a route's handler or its per-method middleware) ran;
 * requests refused before that — unknown paths, CORS, Medusa's auth — are "unmatched".
 */
export function routePattern(req: FinishedRequest): string {
  const path = req.route?.path
  return typeof path === "string" ? `${req.baseUrl ?? ""}${path}` : "unmatched"
}

/** The vendor a request acted for: the admin's active vendor, or the shop of the store request's key. */
export function requestVendorId(req: FinishedRequest): string | null {
  if (req.tenant?.kind === "vendor" && req.tenant.vendor_id) {
    return req.tenant.vendor_id
  }
  return req.shop?.vendor_id ?? null
}

/**
 * A worker instance (MEDUSA_WORKER_MODE=worker) loads no API routes, yet it is where
 * imports and events run: its HTTP server answers GET /metrics here, to the
 * METRICS_TOKEN bearer only (there is no admin sign-in on a worker).
 */
async function answerWorkerMetrics(req: http.IncomingMessage, res: http.ServerResponse) {
  const refuse = (status: number, code: string, message: string) => {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(JSON.stringify({ type: status === 401 ? "unauthorized" : "not_allowed", code, message }))
  }
  if (!process.env.METRICS_TOKEN) {
    return refuse(403, ErrorCodes.METRICS_TOKEN_REQUIRED, "Set METRICS_TOKEN to scrape a worker instance.")
  }
  if (!hasMetricsToken(req.headers.authorization)) {
    return refuse(401, "UNAUTHORIZED", "Send the metrics token as Authorization: Bearer <token>.")
  }
  try {
    const { registry } = metrics()
    const body = await exposition(registry)
    res.writeHead(200, { "content-type": registry.contentType })
    res.end(body)
  } catch (e) {
    refuse(500, "UNEXPECTED_STATE", (e as Error).message)
  }
}

const isWorkerMetricsRequest = (req: http.IncomingMessage) =>
  process.env.MEDUSA_WORKER_MODE === "worker" && req.method === "GET" && req.url?.split("?")[0] === "/metrics"

/**
 * Times every HTTP request at the server itself, as `installRequestIds` does for
 * ids (Medusa answers some requests before project middlewares run): sets
 * `x-process-time` (ms, one decimal) when the headers go out, and when the
 * response finishes feeds the duration histogram and, with LOG_FORMAT=json,
 * writes one access-log line.
 */
export function installRequestTiming(): void {
  hookServerRequests("requestTiming", (req, res) => timeRequest(req as FinishedRequest, res))
}

/** Times one request; true when it answered the request itself (a worker's /metrics). */
function timeRequest(req: FinishedRequest, res: http.ServerResponse): boolean {
  const start = process.hrtime.bigint()
  const elapsedMs = () => Number(process.hrtime.bigint() - start) / 1e6
  const writeHead = res.writeHead
  res.writeHead = function (this: http.ServerResponse, ...headArgs: unknown[]) {
    if (!this.headersSent) {
      this.setHeader("x-process-time", elapsedMs().toFixed(1))
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, headArgs)
  } as typeof res.writeHead
  res.once("finish", () => {
    const ms = elapsedMs()
    const route = routePattern(req)
    const method = req.method ?? "UNKNOWN"
    metrics().httpDuration.observe({ method, route, status: String(res.statusCode) }, ms / 1000)
    // Read per request, so the format can be switched without reinstalling the hook (tests do).
    const logger = process.env.LOG_FORMAT === "json" ? (req.scope?.resolve<Logger>("logger") ?? defaultLogger) : undefined
    if (logger) {
      logger.log("http", `${method} ${route} ${res.statusCode}`, {
        type: "access",
        request_id: req.headers["x-request-id"] ?? null,
        method,
        route,
        status: res.statusCode,
        duration_ms: Math.round(ms * 10) / 10,
        vendor_id: requestVendorId(req),
      })
    }
  })
  if (isWorkerMetricsRequest(req)) {
    void answerWorkerMetrics(req, res)
    return true
  }
  return false
}
