import crypto from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type Redis from "ioredis"
import { ErrorCodes } from "../../lib/errors"
import { asRefusal, createLimiter, type Limiter } from "../../lib/rate-limiter"
import { getRedis } from "../../lib/redis"
import { SHOP_AUTH_PROVIDER, SHOP_HEADER } from "../../modules/shop-auth"
import { clientIp, trustedHops } from "../../lib/client-ip"

/** The password providers: admin users' emailpass and shop customers' shop-emailpass. */
const PASSWORD_PROVIDERS = ["emailpass", SHOP_AUTH_PROVIDER]

/** Attempts allowed per window; `AUTH_RATE_LIMIT_*` in .env.template. */
export type AuthLimits = { account: number; ip: number; registerIp: number; windowSeconds: number }

/** Reads the limits, refusing anything but a positive whole number. */
export function authLimits(env: NodeJS.ProcessEnv = process.env): AuthLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name]?.trim()
    if (!value) {
      return fallback
    }
    if (!/^[1-9][0-9]*$/.test(value)) {
      throw new Error(`${name} must be a positive whole number; got "${env[name]}".`)
    }
    return Number(value)
  }
  return {
    account: read("AUTH_RATE_LIMIT_ACCOUNT", 10),
    ip: read("AUTH_RATE_LIMIT_IP", 50),
    registerIp: read("AUTH_RATE_LIMIT_REGISTER_IP", 30),
    windowSeconds: read("AUTH_RATE_LIMIT_WINDOW_SECONDS", 15 * 60),
  }
}

/** Failed logins, and registration + reset-password requests; each per account and per IP. */
export type AuthLimiters = Record<"login" | "register", { account: Limiter; ip: Limiter }>

/**
 * The auth counters. With a Redis client every instance shares them; while Redis is
 * unreachable each instance counts on its own (logins keep working) and `onRedisDown` is called.
 */
export function createAuthLimiters(
  limits: AuthLimits,
  { redis, keyPrefix = "maart:rl", onRedisDown = () => undefined }: { redis?: Redis; keyPrefix?: string; onRedisDown?: () => void } = {}
): AuthLimiters {
  const limiter = (name: string, points: number): Limiter =>
    createLimiter({ keyPrefix: `${keyPrefix}:${name}`, points, duration: limits.windowSeconds }, { redis, onRedisDown })
  return {
    login: { account: limiter("login:account", limits.account), ip: limiter("login:ip", limits.ip) },
    register: { account: limiter("register:account", limits.account), ip: limiter("register:ip", limits.registerIp) },
  }
}

// Read when the routes load, so a malformed value stops the server at start.
const LIMITS = authLimits()
let processLimiters: AuthLimiters | undefined
let warnedAt = 0

const loggerOf = (req: MedusaRequest): Logger => req.scope.resolve(ContainerRegistrationKeys.LOGGER)

function limitersFor(req: MedusaRequest): AuthLimiters {
  if (!processLimiters) {
    const logger = loggerOf(req)
    processLimiters = createAuthLimiters(LIMITS, {
      redis: getRedis(),
      onRedisDown: () => {
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now()
          logger.warn("Redis unreachable: auth rate limits count per instance until it answers")
        }
      },
    })
  }
  return processLimiters
}

type Counter = { kind: "account" | "ip"; limiter: Limiter; key: string }

function countersOf(req: MedusaRequest, purpose: keyof AuthLimiters, accountField: "email" | "identifier"): Counter[] {
  const { account, ip } = limitersFor(req)[purpose]
  const id = (req.body as Record<string, unknown> | undefined)?.[accountField]
  // Not `req.ip`: Medusa trusts one X-Forwarded-For hop whatever stands in front, so a client could name its own IP.
  const counters: Counter[] = [{ kind: "ip", limiter: ip, key: clientIp(req, trustedHops()) }]
  if (typeof id === "string" && id.trim()) {
    // What one password guards: an emailpass identity is an email (shared by the actor types), a shop-emailpass
    // one is an email at one shop (shop-auth.ts has set the shop from the publishable key by now) — failures at
    // one shop do not lock the same email at another.
    const shop = req.get(SHOP_HEADER)
    const accountId = shop ? `shop:${shop}:${id.trim().toLowerCase()}` : id.trim().toLowerCase()
    // Hashed: no addresses in Redis, and a bounded key whatever the body holds.
    const key = crypto.createHash("sha256").update(accountId).digest("base64url")
    counters.push({ kind: "account", limiter: account, key })
  }
  return counters
}

/**
 * Takes a point from every counter before the handler runs, so parallel attempts cannot
 * overshoot a limit. A refused attempt gives its points back; returns the longest wait.
 */
async function take(counters: Counter[]): Promise<number | undefined> {
  const refusals = await Promise.all(counters.map(({ limiter, key }) => limiter.consume(key).then(() => undefined, asRefusal)))
  if (!refusals.some(Boolean)) {
    return undefined
  }
  await Promise.all(counters.map(({ limiter, key }) => limiter.reward(key)))
  return Math.max(...refusals.map((r) => r?.msBeforeNext ?? 0))
}

/** Only a failed login keeps its points; a successful one also clears the account's failures. */
async function settleLogin(status: number, counters: Counter[]) {
  if (status === 400 || status === 401) {
    return
  }
  const success = status >= 200 && status < 300
  await Promise.all(
    counters.map(({ kind, limiter, key }) => (success && kind === "account" ? limiter.delete(key) : limiter.reward(key)))
  )
}

function tooManyAttempts(req: MedusaRequest, res: MedusaResponse, waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  res.setHeader("Retry-After", String(seconds))
  res.status(429).json({
    type: "too_many_requests",
    code: ErrorCodes.TOO_MANY_ATTEMPTS,
    message: `Too many attempts. Try again in ${seconds} seconds.`,
    // The error handler's source too: Medusa copies the x-request-id header here.
    request_id: req.requestId ?? "-",
  })
}

function limitAuth(purpose: keyof AuthLimiters, accountField: "email" | "identifier") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    // The provider is a path param (`emailp%61ss` reaches emailpass too), which also catches
    // /auth/token/refresh and the like: only the password provider is limited.
    if (!PASSWORD_PROVIDERS.includes(req.params.auth_provider)) {
      return next()
    }
    const counters = countersOf(req, purpose, accountField)
    let waitMs: number | undefined
    try {
      waitMs = await take(counters)
    } catch (e) {
      loggerOf(req).warn(`Auth rate limit unavailable, request let through: ${e}`)
      return next()
    }
    if (waitMs !== undefined) {
      return tooManyAttempts(req, res, waitMs)
    }
    if (purpose === "login") {
      res.once("finish", () =>
        settleLogin(res.statusCode, counters).catch((e) => loggerOf(req).warn(`Auth rate limit not settled: ${e}`))
      )
    }
    next()
  }
}

/**
 * Login protection for the emailpass routes of every actor: failed logins (401/400) and
 * every registration or reset-password request count per account and per IP; over the
 * limit the route answers 429 with Retry-After. docs/architecture.md#login-protection.
 */
export const authRateLimitMiddlewares: MiddlewareRoute[] = [
  {
    // GET too: Medusa's GET login handler reads a JSON body just the same.
    methods: ["GET", "POST"],
    matcher: "/auth/:actor_type/:auth_provider",
    middlewares: [limitAuth("login", "email")],
  },
  {
    methods: ["POST"],
    matcher: "/auth/:actor_type/:auth_provider/register",
    middlewares: [limitAuth("register", "email")],
  },
  {
    methods: ["POST"],
    matcher: "/auth/:actor_type/:auth_provider/reset-password",
    middlewares: [limitAuth("register", "identifier")],
  },
]
