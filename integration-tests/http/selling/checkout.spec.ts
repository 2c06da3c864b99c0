/**
 * @maart-serial 50 concurrent checkouts against lock waits: a second Medusa booting beside them distorts the race.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutSuite } from "./checkout-suite"

jest.setTimeout(300 * 1000)

// Without REDIS_URL: Medusa's in-process locking, workflow engine and event bus.
delete process.env.REDIS_URL

medusaIntegrationTestRunner({ testSuite: checkoutSuite })
