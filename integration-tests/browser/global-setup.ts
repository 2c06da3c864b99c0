import type { ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { scratchDatabase } from "../helpers/database"
import { createFakeStripe, FAKE_PUBLISHABLE_KEY, FAKE_STRIPE_KEY, FAKE_WEBHOOK_SECRET } from "../helpers/fake-stripe"

/**
 * One real Maart and one storefront for the whole browser suite, on loopback ports:
 *   - a fresh database, migrated and seeded as `npm start` seeds it (the two demo shops, lumiere and velo, each on
 *     its verified `<handle>.localhost` domain and on `<handle>.maart.test`, the suite's platform domain);
 *   - `medusa start` on the sources (as the kill-restart suite runs it), in one process, no Redis, with Stripe
 *     pointed at the FAKE Stripe API (integration-tests/helpers/fake-stripe.ts), which also serves the browser its
 *     fake Stripe.js (the storefront's STRIPE_JS_URL);
 *   - the storefront built (only when its sources changed) while the database is prepared, then its server
 *     (storefront/server.mjs) with the platform's publishable key (created through the Admin API, as `npm start` does).
 * What the specs need goes to them through the environment (read by harness.ts). Returns the teardown: both
 * servers stopped (their whole process groups), the database dropped.
 */

export const PLATFORM_DOMAIN = "maart.test"
export const PLATFORM_ADMIN = { email: "platform@browser.maart.test", password: "browser-platform-pass" }
export const DEMO_OWNER_PASSWORD = "browser-owner-pass"

const SCRIPTS = path.resolve(__dirname, "../../scripts/lib")

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Collects a child's output, so a failure can show the end of it. */
function capture(child: ChildProcess) {
  let output = ""
  child.stdout?.on("data", (d) => (output = (output + d).slice(-20_000)))
  child.stderr?.on("data", (d) => (output = (output + d).slice(-20_000)))
  return () => output
}

export default async function globalSetup() {
  const medusa = await import(path.join(SCRIPTS, "medusa.mjs"))
  const postgres = await import(path.join(SCRIPTS, "postgres.mjs"))
  const storefront = await import(path.join(SCRIPTS, "storefront.mjs"))

  const { name: database, url: databaseUrl } = scratchDatabase("maart_browser")
  const [backendPort, storefrontPort] = [await freePort(), await freePort()]
  const stripe = createFakeStripe()
  await stripe.listen()
  const backendUrl = `http://localhost:${backendPort}`

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    PORT: String(backendPort),
    PLATFORM_DOMAIN,
    JWT_SECRET: "browser-jwt-secret",
    COOKIE_SECRET: "browser-cookie-secret",
    ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MAART_ADMIN_EMAIL: PLATFORM_ADMIN.email,
    MAART_ADMIN_PASSWORD: PLATFORM_ADMIN.password,
    MAART_DEMO_VENDOR_PASSWORD: DEMO_OWNER_PASSWORD,
    // As npm start runs it: the storefront names each shopper in X-Forwarded-For.
    TRUST_PROXY: "1",
  }
  const stripeEnv = { STRIPE_API_KEY: FAKE_STRIPE_KEY, STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET }
  // One process with in-memory queues; jest's and the test runner's variables are not the server's.
  for (const name of ["REDIS_URL", "MEDUSA_WORKER_MODE", "NODE_OPTIONS", "JEST_WORKER_ID", "TEST_TYPE", "STRIPE_API_KEY"]) {
    delete env[name]
  }
  Object.assign(env, stripeEnv)

  const started = Date.now()
  const children: ChildProcess[] = []
  let snapshot: { serverEntry: string; remove: () => void } | undefined
  const teardown = async () => {
    for (const child of children.reverse()) {
      await medusa.stopMedusa(child, { graceMs: 5_000 })
    }
    snapshot?.remove()
    await stripe.close()
    await postgres.dropDatabase(databaseUrl).catch((e: Error) => console.warn(`[browser] could not drop ${database}: ${e.message}`))
  }
  const killAll = () => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // gone already
      }
    }
  }
  process.once("exit", killAll)
  let platformKey = ""

  try {
    await postgres.ensureDatabase(databaseUrl)
    // The database is I/O- and the build CPU-bound: side by side.
    const [, built] = await Promise.all([medusa.migrateAndSeed(env), storefront.buildStorefront()])
    console.log(`[browser] database seeded${built ? " and storefront built" : " (storefront build up to date)"} in ${((Date.now() - started) / 1000).toFixed(0)} s`)

    const backend: ChildProcess = medusa.spawnMedusa(["start"], { env, stdio: ["ignore", "pipe", "pipe"] })
    children.push(backend)
    const backendOutput = capture(backend)
    if (!(await medusa.waitForReady(`${backendUrl}/health/ready`, { timeoutMs: 150_000, gaveUp: () => backend.exitCode !== null }))) {
      throw new Error(`Maart did not become ready on ${backendUrl} (exit ${backend.exitCode}):\n${backendOutput().slice(-3000)}`)
    }
    // The platform's publishable key, as `npm start` gives it to the storefront.
    const token = await storefront.adminToken(backendUrl, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
    platformKey = await storefront.ensurePlatformKey(backendUrl, token)

    // The suite's own copy of the build: a rebuild in storefront/ meanwhile cannot change what it serves.
    const copy = (snapshot = storefront.snapshotBuild(`browser-${process.pid}`))
    const shop: ChildProcess = storefront.spawnStorefront({
      serverEntry: copy.serverEntry,
      port: storefrontPort,
      backendUrl,
      env: {
        PLATFORM_DOMAIN,
        STOREFRONT_PATH_MODE: "true",
        COOKIE_SECURE: "false",
        MEDUSA_PUBLISHABLE_KEY: platformKey,
        STRIPE_PUBLISHABLE_KEY: FAKE_PUBLISHABLE_KEY,
        STRIPE_JS_URL: `${stripe.url}/v3`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    children.push(shop)
    const shopOutput = capture(shop)
    // Any answer from the storefront (the bare host is no shop: 404) means it listens.
    if (!(await waitForAnswer(`http://127.0.0.1:${storefrontPort}/`, 60_000, () => shop.exitCode !== null))) {
      throw new Error(`the storefront did not answer on port ${storefrontPort} (exit ${shop.exitCode}):\n${shopOutput().slice(-3000)}`)
    }
    console.log(`[browser] Maart on ${backendUrl}, storefront on port ${storefrontPort}, ready after ${((Date.now() - started) / 1000).toFixed(0)} s`)
  } catch (e) {
    await teardown()
    throw e
  }

  Object.assign(process.env, {
    MAART_BROWSER_BACKEND: backendUrl,
    MAART_BROWSER_STOREFRONT_PORT: String(storefrontPort),
    MAART_BROWSER_STRIPE: stripe.url,
    // For specs that start a storefront of their own (shopper-address.spec.ts).
    MAART_BROWSER_STOREFRONT_ENTRY: snapshot!.serverEntry,
    MAART_BROWSER_PLATFORM_KEY: platformKey,
  })
  return async () => {
    process.removeListener("exit", killAll)
    await teardown()
  }
}

async function waitForAnswer(url: string, timeoutMs: number, gaveUp: () => boolean) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !gaveUp()) {
    try {
      await fetch(url, { redirect: "manual" })
      return true
    } catch {
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  return false
}
