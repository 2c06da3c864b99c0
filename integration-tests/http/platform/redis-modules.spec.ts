/**
 * @maart-serial the shared Redis (event bus, workflow engine, cache, locking).
 */
import net from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"

jest.setTimeout(90 * 1000)

const REDIS_URL = process.env.MAART_TEST_REDIS_URL || "redis://127.0.0.1:6379"

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

// medusa-config reads REDIS_URL when the runner loads it, before the runner's `env` applies.
process.env.REDIS_URL = REDIS_URL
afterAll(() => {
  delete process.env.REDIS_URL
})

let available = true
beforeAll(async () => {
  available = await redisAnswers()
  if (!available && process.env.MAART_REQUIRE_REDIS) {
    throw new Error(`Redis is required (MAART_REQUIRE_REDIS) but ${REDIS_URL} does not answer`)
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("with REDIS_URL set", () => {
      it("runs the event bus, workflow engine, cache and locking on Redis", async () => {
        if (!available) {
          return console.warn(`skipped: no Redis at ${REDIS_URL}`)
        }
        const container = getContainer()
        const names = [Modules.EVENT_BUS, Modules.WORKFLOW_ENGINE, Modules.CACHE, Modules.LOCKING].map(
          (key) => container.resolve(key).constructor.name
        )
        expect(names).toEqual([
          "RedisEventBusService",
          expect.stringMatching(/Redis|WorkflowsModuleService/),
          "RedisCacheService",
          "LockingModuleService",
        ])
        // While the lock is held, its key lives in Redis: the default provider is Redis.
        const redis = new Redis(REDIS_URL)
        try {
          const keysWhileLocked = await container
            .resolve(Modules.LOCKING)
            .execute("maart-ci-lock", () => redis.keys("*maart-ci-lock*"))
          expect(keysWhileLocked.length).toBe(1)
          expect(await redis.keys("*maart-ci-lock*")).toEqual([])
        } finally {
          redis.disconnect()
        }
      })

      it("readiness checks Redis too", async () => {
        if (!available) {
          return console.warn(`skipped: no Redis at ${REDIS_URL}`)
        }
        const res = await api.get("/health/ready")
        expect(res.status).toBe(200)
        expect(res.data.checks).toEqual({ database: { status: "ok" }, redis: { status: "ok" } })
      })
    })
  },
})
