#!/usr/bin/env node
// `npm start` / `npm run dev`: one command from a fresh clone to a running Maart with demo data.
//   1. database: DATABASE_URL when set, else an embedded PostgreSQL in .maart/pg
//   2. migrations + demo seed (once), and — for `start` — the production build, side by side
//   3. Medusa (`medusa start` from .medusa/server, or `medusa develop`), then the URLs and logins
//   4. the storefront (storefront/, built when its sources changed; `react-router dev` for `develop`) on
//      STOREFRONT_PORT (8000), and each shop's URL — MAART_STOREFRONT=0 leaves it out
// Ctrl-C stops the storefront's and Medusa's whole process groups, then PostgreSQL.
import fs from "node:fs"
import path from "node:path"
import { buildServer, SERVER_DIR } from "./lib/build.mjs"
import { migrateAndSeed, spawnMedusa, stopMedusa, waitForReady } from "./lib/medusa.mjs"
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { adminToken, buildStorefront, ensurePlatformKey, spawnStorefront, spawnStorefrontDev } from "./lib/storefront.mjs"
import {
  EMBEDDED_PG_PORT,
  ROOT,
  STATE_DIR,
  launcherCredentials,
  loadDotEnv,
} from "./lib/runtime.mjs"

const mode = process.argv[2] === "develop" ? "develop" : "start"
const log = (msg) => console.log(`[maart] ${msg}`)

let database = null
let medusa = null
let storefront = null
let stopping = false
const withStorefront =
  !["0", "false", "no", "off"].includes(String(process.env.MAART_STOREFRONT ?? "").toLowerCase()) &&
  fs.existsSync(path.join(ROOT, "storefront", "package.json"))
const storefrontPort = process.env.STOREFRONT_PORT || "8000"

async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  log("stopping…")
  if (storefront) {
    await stopMedusa(storefront, { graceMs: 5_000 })
  }
  if (medusa) {
    await stopMedusa(medusa)
  }
  if (database) {
    await database.stop()
    log("PostgreSQL stopped")
  }
  process.exit(code)
}

async function main() {
  loadDotEnv()
  const { secrets, demo } = launcherCredentials()
  const port = process.env.PORT || "9000"
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || (mode === "start" ? "production" : "development"),
    MEDUSA_DISABLE_TELEMETRY: "true",
    JWT_SECRET: process.env.JWT_SECRET || secrets.jwt,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.cookie,
    // The launcher serves plain http on localhost: a Secure cookie would never come back.
    COOKIE_SECURE: process.env.COOKIE_SECURE || "false",
    PORT: port,
    MAART_ADMIN_EMAIL: process.env.MAART_ADMIN_EMAIL || demo.email,
    MAART_ADMIN_PASSWORD: process.env.MAART_ADMIN_PASSWORD || demo.password,
    MAART_DEMO_VENDOR_PASSWORD: process.env.MAART_DEMO_VENDOR_PASSWORD || demo.vendor_password,
    // Shop links in emails (password resets) point at the storefront this launcher serves.
    ...(withStorefront && !process.env.STOREFRONT_PUBLIC_PORT ? { STOREFRONT_PUBLIC_PORT: storefrontPort } : {}),
    // The storefront calls the Store API for its shoppers and names each in X-Forwarded-For: trust it as one
    // proxy, or every shopper shares the storefront's per-IP limit.
    ...(withStorefront && !process.env.TRUST_PROXY ? { TRUST_PROXY: "1" } : {}),
  }

  if (!env.DATABASE_URL) {
    database = await startEmbeddedPostgres({ dir: path.join(STATE_DIR, "pg"), port: EMBEDDED_PG_PORT })
    env.DATABASE_URL = database.url("maart")
    log(`embedded PostgreSQL on port ${EMBEDDED_PG_PORT} (data in ${database.dataDir})`)
  }
  if (await ensureDatabase(env.DATABASE_URL)) {
    log("created the database")
  }

  // Migrations are database-bound and the build CPU-bound: run them side by side.
  const migrateEnv = { ...env, NODE_ENV: "development" }
  const seed = async () => {
    log("running migrations (medusa db:migrate)…")
    for (const line of await migrateAndSeed(migrateEnv)) log(line)
  }
  // The two builds one after the other: both are CPU-bound.
  const builds = async () => {
    await buildServer(env, log)
    if (withStorefront) await buildShops()
  }
  await Promise.all([seed(), mode === "start" ? builds() : null])

  const args = mode === "start" ? ["start"] : ["develop"]
  medusa = spawnMedusa(args, { cwd: mode === "start" ? SERVER_DIR : ROOT, env })
  medusa.on("exit", (code) => {
    if (!stopping) {
      log(`Medusa exited (${code})`)
      shutdown(code || 1)
    }
  })

  const base = `http://localhost:${port}`
  if (await waitForReady(`${base}/health/ready`, { gaveUp: () => stopping })) {
    const shops = withStorefront ? await startShops(env, base) : []
    console.log(
      [
        "",
        "  Maart is running",
        `  Admin dashboard   ${base}/app`,
        `  Store API         ${base}/store`,
        `  Readiness         ${base}/health/ready`,
        `  Platform admin    ${env.MAART_ADMIN_EMAIL} / ${env.MAART_ADMIN_PASSWORD}`,
        `  Demo shop owners  owner@lumiere.localhost, owner@velo.localhost / ${env.MAART_DEMO_VENDOR_PASSWORD}`,
        `  Demo staff        staff@maart.localhost (Editor at lumiere, Viewer at velo) / same password`,
        ...shops,
        `  Ctrl-C stops ${withStorefront ? "the storefront, " : ""}Medusa and PostgreSQL.`,
        "",
      ].join("\n")
    )
  } else if (!stopping) {
    log("Medusa did not become ready within 3 minutes; see its output above")
  }
}

/** The storefront's production build, redone only when storefront/'s sources changed. */
async function buildShops() {
  const started = Date.now()
  log("building the storefront (react-router build) when it changed…")
  const built = await buildStorefront()
  log(built ? `storefront built in ${((Date.now() - started) / 1000).toFixed(0)} s` : "storefront build is up to date")
}

/**
 * Starts the storefront against Medusa at `backend` and resolves with the lines naming each open shop's URLs:
 * its `<handle>.localhost` domain (the demo shops have one; others their `<handle>.<PLATFORM_DOMAIN>`, which
 * browsers also send to loopback) and the path-mode URL on localhost.
 */
async function startShops(env, backend) {
  let token
  let platformKey = process.env.MEDUSA_PUBLISHABLE_KEY
  try {
    token = await adminToken(backend, env.MAART_ADMIN_EMAIL, env.MAART_ADMIN_PASSWORD)
    platformKey ||= await ensurePlatformKey(backend, token)
  } catch (e) {
    log(`the storefront gets no platform key (${e.message}): set MEDUSA_PUBLISHABLE_KEY`)
  }
  const shopEnv = {
    ...env,
    // A local demo: path mode on, cookies over plain http.
    STOREFRONT_PATH_MODE: process.env.STOREFRONT_PATH_MODE || "true",
    COOKIE_SECURE: env.COOKIE_SECURE,
    MEDUSA_PUBLISHABLE_KEY: platformKey || "",
  }
  const options = { port: storefrontPort, backendUrl: backend, env: shopEnv }
  storefront = mode === "start" ? spawnStorefront(options) : spawnStorefrontDev(options)
  storefront.on("exit", (code) => {
    if (!stopping) log(`the storefront exited (${code}); Medusa keeps running`)
  })
  const local = `http://localhost:${storefrontPort}`
  // The bare localhost is no shop (404), but it answers: the storefront listens.
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && storefront.exitCode === null && !(await fetch(local).then(() => true, () => false))) {
    await new Promise((r) => setTimeout(r, 300))
  }
  if (storefront.exitCode !== null) {
    return ["", "  The storefront did not start: see its output above."]
  }
  let vendors = []
  try {
    const list = await fetch(`${backend}/admin/vendors?status=active&limit=10&order=created_at`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())
    vendors = list.vendors ?? []
  } catch (e) {
    log(`could not list the shops: ${e.message}`)
  }
  const platformDomain = env.PLATFORM_DOMAIN || "maart.localhost"
  const lines = ["", `  Storefront        ${local}  (each shop on its own host)`]
  for (const v of vendors) {
    const domain = (v.domains ?? []).find((d) => d.verified_at && d.hostname.endsWith(".localhost"))?.hostname
    const host = domain ?? `${v.handle}.${platformDomain}`
    lines.push(`  ${v.name.padEnd(18).slice(0, 18)}http://${host}:${storefrontPort}/   path mode: ${local}/vendors/${v.handle}/`)
  }
  return lines
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
main().catch(async (e) => {
  console.error(`[maart] ${e.message}`)
  await shutdown(1)
})
