/**
 * @maart-serial the shared Redis (locking, workflow engine, event bus) and 50 concurrent checkouts.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutSuite } from "./checkout-suite"

jest.setTimeout(300 * 1000)

// medusa-config reads REDIS_URL when the runner loads it, before the runner's `env` applies:
// the same checkout suite with locking, workflow engine, event bus and cache on Redis.
process.env.REDIS_URL = process.env.MAART_TEST_REDIS_URL || "redis://127.0.0.1:6379"
afterAll(() => {
  delete process.env.REDIS_URL
})

medusaIntegrationTestRunner({ testSuite: checkoutSuite })
