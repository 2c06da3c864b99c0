import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import { requiredPermission } from "../../modules/team/permissions"
import type { TenantRequest } from "../tenancy/context"
import { ADMIN_POLICY, permissionOf, type Method } from "../tenancy/policy"
import { compilePattern, matchRoute, requestPath } from "../tenancy/route-match"

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"])
// Nginx's "client closed request": the client left and the handler never answered.
const CLIENT_CLOSED = 499
const GIVE_UP_MS = 5 * 60 * 1000

type AuditedRequest = MedusaRequest & TenantRequest & { auth_context?: { actor_type?: string; actor_id?: string } }
type Finished = { status_code: number; created_id?: string; at: Date }

/**
 * Records every Admin API write by a signed-in user in the audit log. Registered on
 * /admin* before the tenancy guard, so refused writes are recorded too. The entry is
 * written after the response went out and never awaited by the request: a failure to
 * write is logged, never answered.
 */
export function auditRecorder(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (WRITES.has(req.method)) {
    try {
      watch(req as AuditedRequest, res)
    } catch (e) {
      logError(req, e)
    }
  }
  next()
}

function watch(req: AuditedRequest, res: MedusaResponse) {
  let createdId: string | undefined
  const json = res.json.bind(res)
  res.json = (body?: unknown) => {
    if (res.statusCode < 400) {
      createdId = idInBody(body)
    }
    return json(body)
  }
  let done = false
  const settle = (status_code: number) => {
    if (done) {
      return
    }
    done = true
    const finished = { status_code, created_id: createdId, at: new Date() }
    setImmediate(() => record(req, finished).catch((e) => logError(req, e)))
  }
  res.once("finish", () => settle(res.statusCode))
  // The client left before the answer: the handler carries on, and what it answers is what happened.
  res.once("close", () => {
    if (done || res.writableFinished) {
      return
    }
    const end = res.end
    res.end = ((...args: unknown[]) => {
      settle(res.statusCode)
      return Reflect.apply(end, res, args)
    }) as typeof res.end
    setTimeout(() => settle(CLIENT_CLOSED), GIVE_UP_MS).unref()
  })
}

async function record(req: AuditedRequest, { status_code, created_id, at }: Finished) {
  const actor = req.auth_context
  // Secret API keys are the platform's automation, and an invitation accepted by a new person has no user yet.
  if (actor?.actor_type !== "user" || !actor.actor_id) {
    return
  }
  const path = requestPath(req.originalUrl)
  const { route, params, action } = describeRoute(req, path) ?? { route: path, params: {}, action: `${req.method} ${path}` }
  // After the response: the email snapshot keeps the log readable once the user is gone.
  const [user] = await req.scope
    .resolve(Modules.USER)
    .listUsers({ id: actor.actor_id }, { select: ["id", "email", "metadata"], withDeleted: true })
  const tenant = req.tenant
  const isPlatformAdmin = tenant ? tenant.kind === "platform" : user?.metadata?.platform_admin === true
  const vendorId = tenant?.kind === "vendor" ? tenant.vendor_id : tenant?.kind === "platform" ? req.get("x-vendor-id") : undefined

  await req.scope.resolve<AuditModuleService>(AUDIT_MODULE).record({
    actor_type: actor.actor_type,
    actor_id: actor.actor_id,
    actor_email: user?.email ?? null,
    vendor_id: clip(vendorId, 128),
    is_platform_admin: isPlatformAdmin,
    method: req.method,
    route: clip(route, 512)!,
    path: clip(path, 2048)!,
    action: clip(action, 600)!,
    target_id: clip(Object.values(params).at(-1) ?? created_id, 256),
    request_id: req.requestId ?? String(req.headers["x-request-id"] ?? "-"),
    status_code,
    outcome: status_code < 400 ? "succeeded" : status_code === 401 || status_code === 403 ? "denied" : "failed",
    ip: req.ip ?? null,
    user_agent: clip(req.get("user-agent"), 512),
    created_at: at,
  })
}

/**
 * The route pattern (the policy table's, else the Medusa route that answered), its
 * parameters, and the action in the team roles' vocabulary when there is one.
 * Undefined when neither is known: the raw path is recorded.
 */
function describeRoute(req: AuditedRequest, path: string): { route: string; params: Record<string, string>; action: string } | undefined {
  try {
    const match = matchRoute(ADMIN_POLICY, req.method, path)
    if (match) {
      const action = maartPermission(match.entry, req.method) ?? `${req.method} ${match.entry.route}`
      return { route: match.entry.route, params: match.params, action }
    }
    // Express keeps the route that handled the request; refused requests never reached one.
    const pattern: unknown = req.route?.path
    if (typeof pattern === "string" && /^[\w/:.-]+$/.test(pattern)) {
      const compiled = compilePattern(pattern)
      const m = compiled.regex.exec(path)
      if (m) {
        const params = Object.fromEntries(compiled.params.map((name, i) => [name, decodeURIComponent(m[i + 1])]))
        return { route: pattern, params, action: `${req.method} ${pattern}` }
      }
    }
  } catch {
    // A malformed escape in the path: record it raw.
  }
  return undefined
}

function maartPermission(entry: (typeof ADMIN_POLICY)[number], method: string) {
  try {
    return requiredPermission(permissionOf(entry, method as Method))
  } catch {
    return null
  }
}

/** The id of the record a write answered with: `{ <entity>: { id } }`, or a deletion's `{ id, object, deleted }`. */
function idInBody(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return undefined
  }
  const records = Object.values(body).filter(
    (v): v is { id: string } => !!v && typeof v === "object" && !Array.isArray(v) && typeof (v as { id?: unknown }).id === "string"
  )
  if (records.length === 1) {
    return records[0].id
  }
  const id = (body as { id?: unknown }).id
  return typeof id === "string" ? id : undefined
}

const clip = (value: string | undefined | null, max: number) => (value ? value.slice(0, max) : null)

function logError(req: MedusaRequest, e: unknown) {
  try {
    const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    logger.error(`[${req.requestId ?? "-"}] audit log: could not record ${req.method} ${req.originalUrl}: ${(e as Error)?.stack ?? e}`)
  } catch {
    // Nothing left to tell.
  }
}
