import crypto from "node:crypto"
import net from "node:net"
import Redis from "ioredis"
import { RateLimiterRes } from "rate-limiter-flexible"
import { authLimits, createAuthLimiters } from "../rate-limit"

const REDIS_URL = process.env.MAART_TEST_REDIS_URL || "redis://127.0.0.1:6379"

describe("authLimits", () => {
  it("defaults to 10 per account, 50 failed logins and 30 registrations per IP, in 15 minutes", () => {
    expect(authLimits({})).toEqual({ account: 10, ip: 50, registerIp: 30, windowSeconds: 900 })
  })

  it("reads each limit from the environment", () => {
    const env = {
      AUTH_RATE_LIMIT_ACCOUNT: "5",
      AUTH_RATE_LIMIT_IP: "100",
      AUTH_RATE_LIMIT_REGISTER_IP: " 20 ",
      AUTH_RATE_LIMIT_WINDOW_SECONDS: "60",
    }
    expect(authLimits(env)).toEqual({ account: 5, ip: 100, registerIp: 20, windowSeconds: 60 })
  })

  it.each([["0"], ["-1"], ["1.5"], ["ten"]])("refuses %p, naming the variable", (value) => {
    expect(() => authLimits({ AUTH_RATE_LIMIT_IP: value })).toThrow(/AUTH_RATE_LIMIT_IP must be a positive whole number/)
  })
})

/** Redis is part of the machine; CI (MAART_REQUIRE_REDIS=1) fails instead of skipping without it. */
async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) })
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)))
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })
}

describe("with Redis, the limits hold across instances", () => {
  const limits = authLimits({})
  // A prefix per run: keys left by an earlier run cannot count.
  const keyPrefix = `maart-test:rl:${crypto.randomUUID()}`
  const clients: Redis[] = []
  const onRedisDown = jest.fn()
  let available = true

  beforeAll(async () => {
    available = await redisAnswers()
    if (!available && process.env.MAART_REQUIRE_REDIS) {
      throw new Error(`Redis is required (MAART_REQUIRE_REDIS) but ${REDIS_URL} does not answer`)
    }
  })

  afterAll(async () => {
    if (available) {
      const keys = await clients[0].keys(`${keyPrefix}:*`)
      if (keys.length) {
        await clients[0].del(...keys)
      }
    }
    clients.forEach((c) => c.disconnect())
  })

  /** One server process: its own client, its own limiters. */
  async function instance() {
    const client = new Redis(REDIS_URL)
    clients.push(client)
    // Until the client is ready the insurance (per-process) limiter would count instead.
    await client.ping()
    return createAuthLimiters(limits, { redis: client, keyPrefix, onRedisDown })
  }

  it("ten failed logins on one instance lock the account on the other", async () => {
    if (!available) {
      return console.warn(`skipped: no Redis at ${REDIS_URL}`)
    }
    const [a, b] = [await instance(), await instance()]
    for (let i = 0; i < 5; i++) {
      await a.login.account.consume("alice")
      await b.login.account.consume("alice")
    }
    const refusal = await a.login.account.consume("alice").catch((e) => e)
    expect(refusal).toBeInstanceOf(RateLimiterRes)
    expect(refusal.msBeforeNext).toBeGreaterThan(0)
    await expect(b.login.account.consume("alice")).rejects.toBeInstanceOf(RateLimiterRes)
    // Another account, and the registration counters, are untouched.
    await expect(b.login.account.consume("bob")).resolves.toMatchObject({ remainingPoints: 9 })
    await expect(b.register.account.consume("alice")).resolves.toMatchObject({ remainingPoints: 9 })

    // A successful login on either instance clears the account everywhere.
    await b.login.account.delete("alice")
    await expect(a.login.account.consume("alice")).resolves.toMatchObject({ remainingPoints: 9 })
    expect(await clients[0].keys(`${keyPrefix}:login:account:*`)).toHaveLength(2)
    expect(onRedisDown).not.toHaveBeenCalled()
  })
})

describe("without Redis", () => {
  it("keeps counting in the process, and says so", async () => {
    // Never connects: the state of a Redis that went away.
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false })
    const onRedisDown = jest.fn()
    try {
      const limiters = createAuthLimiters(authLimits({ AUTH_RATE_LIMIT_ACCOUNT: "2" }), { redis: down, onRedisDown })
      await limiters.login.account.consume("alice")
      await limiters.login.account.consume("alice")
      await expect(limiters.login.account.consume("alice")).rejects.toBeInstanceOf(RateLimiterRes)
      expect(onRedisDown).toHaveBeenCalled()
    } finally {
      down.disconnect()
    }
  })

  it("counts in memory when REDIS_URL is not set", async () => {
    const limiters = createAuthLimiters(authLimits({ AUTH_RATE_LIMIT_REGISTER_IP: "1" }))
    await limiters.register.ip.consume("10.0.0.1")
    await expect(limiters.register.ip.consume("10.0.0.1")).rejects.toBeInstanceOf(RateLimiterRes)
    await expect(limiters.register.ip.consume("10.0.0.2")).resolves.toBeInstanceOf(RateLimiterRes)
  })
})
