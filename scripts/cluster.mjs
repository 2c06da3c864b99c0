#!/usr/bin/env node
// `npm run cluster`: Maart as production scales it on one machine — two `server` instances and one `worker`
// on one PostgreSQL and one Redis, behind nginx (docs/runbook.md, "Several instances").
//   DATABASE_URL (else the embedded PostgreSQL of `npm start`), REDIS_URL (default redis://127.0.0.1:6379),
//   CLUSTER_PORT (nginx, 9000), CLUSTER_SERVER_PORTS (9001,9002), CLUSTER_WORKER_PORT (9003).
// Migrations and the demo seed run once, the build when the sources changed. Ctrl-C stops everything.
import net from "node:net"
import path from "node:path"
import { buildServer, SERVER_DIR } from "./lib/build.mjs"
import { startCluster } from "./lib/cluster.mjs"
import { migrateAndSeed } from "./lib/medusa.mjs"
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { EMBEDDED_PG_PORT, STATE_DIR, launcherCredentials, loadDotEnv } from "./lib/runtime.mjs"

const log = (msg) => console.log(`[cluster] ${msg}`)
let database = null
let cluster = null
let stopping = false

function reachable(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2000 })
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
  })
}

async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  log("stopping…")
  await cluster?.stop()
  await database?.stop()
  process.exit(code)
}

async function main() {
  loadDotEnv()
  const { secrets, demo } = launcherCredentials()
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    // Every instance must sign and read the same tokens and session cookies.
    JWT_SECRET: process.env.JWT_SECRET || secrets.jwt,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.cookie,
    COOKIE_SECURE: process.env.COOKIE_SECURE || "false",
    MAART_ADMIN_EMAIL: process.env.MAART_ADMIN_EMAIL || demo.email,
    MAART_ADMIN_PASSWORD: process.env.MAART_ADMIN_PASSWORD || demo.password,
    MAART_DEMO_VENDOR_PASSWORD: process.env.MAART_DEMO_VENDOR_PASSWORD || demo.vendor_password,
  }
  if (!(await reachable(env.REDIS_URL))) {
    throw new Error(`No Redis at ${env.REDIS_URL}: the instances share it (set REDIS_URL, or start redis-server).`)
  }
  if (!env.DATABASE_URL) {
    database = await startEmbeddedPostgres({ dir: path.join(STATE_DIR, "pg"), port: EMBEDDED_PG_PORT })
    env.DATABASE_URL = database.url("maart")
    log(`embedded PostgreSQL on port ${EMBEDDED_PG_PORT}`)
  }
  await ensureDatabase(env.DATABASE_URL)
  await Promise.all([
    (async () => {
      log("running migrations and the demo seed…")
      for (const line of await migrateAndSeed({ ...env, NODE_ENV: "development", MEDUSA_WORKER_MODE: "shared" })) log(line)
    })(),
    buildServer(env, log),
  ])

  const proxyPort = Number(process.env.CLUSTER_PORT || 9000)
  const serverPorts = (process.env.CLUSTER_SERVER_PORTS || "9001,9002").split(",").map(Number)
  const workerPort = Number(process.env.CLUSTER_WORKER_PORT || 9003)
  cluster = await startCluster({ env, cwd: SERVER_DIR, dir: path.join(STATE_DIR, "cluster"), proxyPort, serverPorts, workerPort, log })
  for (const instance of [...cluster.servers, cluster.worker]) {
    instance.child.on("exit", (code) => !stopping && log(`${instance.name} exited (${code})`))
  }
  console.log(
    [
      "",
      "  Maart cluster is running",
      `  Through nginx       ${cluster.proxyUrl}  (admin ${cluster.proxyUrl}/app, Store API ${cluster.proxyUrl}/store)`,
      ...cluster.servers.map((s) => `  ${s.name.padEnd(19)} ${s.url}`),
      `  worker              ${cluster.worker.url}  (jobs, subscribers, workflow steps; /health, /metrics with METRICS_TOKEN)`,
      `  Platform admin      ${env.MAART_ADMIN_EMAIL} / ${env.MAART_ADMIN_PASSWORD}`,
      "  Ctrl-C stops nginx, the instances" + (database ? " and PostgreSQL." : "."),
      "",
    ].join("\n")
  )
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
main().catch((e) => {
  console.error(`[cluster] ${e.message}`)
  shutdown(1)
})
