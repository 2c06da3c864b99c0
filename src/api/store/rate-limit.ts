import crypto from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes } from "../../lib/errors"
import { asRefusal, createLimiter, readLimit, type Limiter } from "../../lib/rate-limiter"
import { getRedis } from "../../lib/redis"
import { clientIp, trustedHops } from "../../lib/client-ip"

/** Requests per window on the Store API; `STORE_RATE_LIMIT_*` in .env.template, 0 turns a limit off. */
export type StoreLimits = { perIp: number; perKey: number; windowSeconds: number }

export function storeLimits(env: NodeJS.ProcessEnv = process.env): StoreLimits {
  return {
    // One IP is one shopper's browser, or a storefront server that forwards its shoppers' IPs (TRUST_PROXY).
    perIp: readLimit(env, "STORE_RATE_LIMIT_PER_IP", 1200, true),
    // One key is one shop's whole storefront traffic.
    perKey: readLimit(env, "STORE_RATE_LIMIT_PER_KEY", 12000, true),
    windowSeconds: readLimit(env, "STORE_RATE_LIMIT_WINDOW_SECONDS", 60),
  }
}

type Counter = { limiter: Limiter; key: string }
type StoreLimiters = { ip?: Limiter; key?: Limiter }

let processLimiters: { limits: StoreLimits; hops: number; limiters: StoreLimiters } | undefined
let warnedAt = 0

const loggerOf = (req: MedusaRequest): Logger => req.scope.resolve(ContainerRegistrationKeys.LOGGER)

function setUp(req: MedusaRequest) {
  if (!processLimiters) {
    const limits = storeLimits()
    const logger = loggerOf(req)
    const options = {
      redis: getRedis(),
      onRedisDown: () => {
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now()
          logger.warn("Redis unreachable: Store API rate limits count per instance until it answers")
        }
      },
    }
    const limiter = (name: string, points: number) =>
      points ? createLimiter({ keyPrefix: `maart:rl:store:${name}`, points, duration: limits.windowSeconds }, options) : undefined
    processLimiters = { limits, hops: trustedHops(), limiters: { ip: limiter("ip", limits.perIp), key: limiter("key", limits.perKey) } }
  }
  return processLimiters
}

function countersOf(req: MedusaRequest): Counter[] {
  const { hops, limiters } = setUp(req)
  const counters: Counter[] = []
  if (limiters.ip) {
    counters.push({ limiter: limiters.ip, key: clientIp(req, hops) })
  }
  const key = req.get("x-publishable-api-key")
  if (limiters.key && key) {
    // Hashed: a bounded Redis key whatever the header holds.
    counters.push({ limiter: limiters.key, key: crypto.createHash("sha256").update(key).digest("base64url") })
  }
  return counters
}

/**
 * Every Store API request takes a point per client IP and per publishable key; over either limit
 * it is answered 429 RATE_LIMITED with Retry-After. Redis-backed with REDIS_URL (shared by every
 * instance), in memory otherwise. docs/runbook.md, "Rate and body limits".
 */
export async function storeRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let refusals: (number | undefined)[]
  try {
    const counters = countersOf(req)
    refusals = await Promise.all(
      counters.map(({ limiter, key }) => limiter.consume(key).then(() => undefined, (e) => asRefusal(e).msBeforeNext))
    )
  } catch (e) {
    loggerOf(req).warn(`Store rate limit unavailable, request let through: ${e}`)
    return next()
  }
  const waits = refusals.filter((w): w is number => w !== undefined)
  if (!waits.length) {
    return next()
  }
  const seconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000))
  res.setHeader("Retry-After", String(seconds))
  res.status(429).json({
    type: "too_many_requests",
    code: ErrorCodes.RATE_LIMITED,
    message: `Too many requests. Try again in ${seconds} seconds.`,
    request_id: req.requestId ?? "-",
  })
}

export const storeRateLimitMiddlewares: MiddlewareRoute[] = [{ matcher: "/store*", middlewares: [storeRateLimit] }]
