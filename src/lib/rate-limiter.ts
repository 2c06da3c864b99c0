import type Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"

export type Limiter = RateLimiterMemory | RateLimiterRedis
type MemoryOptions = ConstructorParameters<typeof RateLimiterMemory>[0]

/** Counts in this process while Redis does not answer, and says so. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(opts: MemoryOptions, private readonly onUse: () => void) {
    super(opts)
  }

  consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    this.onUse()
    return super.consume(...args)
  }
}

export type LimiterOptions = { keyPrefix: string; points: number; duration: number }

/**
 * One counter of Maart's rate limits. With a Redis client every instance shares it; while Redis
 * is unreachable each instance counts on its own (requests keep being served) and `onRedisDown` is called.
 */
export function createLimiter(opts: LimiterOptions, { redis, onRedisDown = () => undefined }: { redis?: Redis; onRedisDown?: () => void } = {}): Limiter {
  if (!redis) {
    return new RateLimiterMemory(opts)
  }
  // Not ready = straight to the insurance, rather than queueing behind reconnects.
  return new RateLimiterRedis({
    ...opts,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new InsuranceLimiter(opts, onRedisDown),
  })
}

/** A limiter's refusal as a value; any other error (a store failure) is thrown on. */
export const asRefusal = (e: unknown): RateLimiterRes => {
  if (e instanceof RateLimiterRes) {
    return e
  }
  throw e
}

/** A positive whole number from the environment, or the fallback when unset. `allowZero` for "off". */
export function readLimit(env: NodeJS.ProcessEnv, name: string, fallback: number, allowZero = false): number {
  const value = env[name]?.trim()
  if (!value) {
    return fallback
  }
  if (!(allowZero ? /^(0|[1-9][0-9]*)$/ : /^[1-9][0-9]*$/).test(value)) {
    throw new Error(`${name} must be a ${allowZero ? "whole number (0 = off)" : "positive whole number"}; got "${env[name]}".`)
  }
  return Number(value)
}
