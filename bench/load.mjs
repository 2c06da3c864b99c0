#!/usr/bin/env node
// bench/load: the Store API of 10 shops through host resolution, behind nginx, with 1 and then 2 `server` instances
// (and one `worker`) on one PostgreSQL and one Redis — the cluster of `npm run cluster` (scripts/lib/cluster.mjs).
// `npm run bench:load` — boots Maart once on BENCH_DATABASE_URL (default maart_bench_load, recreated) to migrate,
// seed and build, opens BENCH_SHOPS shops (default 10) with BENCH_PRODUCTS products each (default 2,000), stops it,
// and then, per round (BENCH_ROUNDS, default 2) and side (1 server, 2 servers), starts the cluster and lets
// autocannon (BENCH_CONNECTIONS, default "10,40"; BENCH_SECONDS, default 20) play shoppers: each visit is
//   1. GET /store/vendors/resolve?host=<shop>.<PLATFORM_DOMAIN>   (what the storefront asks first; platform key)
//   2. GET /store/products?limit=12&region_id=…&fields=…          (a catalog page, with the key step 1 answered)
//   3. GET /store/products/<id>?region_id=…&fields=…              (a product page)
// for a random shop. Prints req/s, visits/s, p50/p95/p99 over every response and the errors by kind, the server
// instances' CPU milliseconds per request and how busy the machine was, and the 2-server/1-server ratios. Both sides run on this machine: nginx, the instances, PostgreSQL, Redis and the load
// generator share its cores (2 here), so the ratio shows what a second instance buys when CPU is the limit.
import autocannon from "autocannon"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { SERVER_DIR } from "../scripts/lib/build.mjs"
import { freePort, startCluster } from "../scripts/lib/cluster.mjs"
import { STATE_DIR } from "../scripts/lib/runtime.mjs"
import { ADMIN, json, login, startMaart } from "./lib/server.mjs"
import { openShops } from "./lib/shops.mjs"
import { percentile } from "./lib/stats.mjs"
import { cpuSeconds, machineCpu, serverPid } from "./lib/watch.mjs"

const SHOPS = Number(process.env.BENCH_SHOPS || 10)
const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 2000)
const SECONDS = Number(process.env.BENCH_SECONDS || 20)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "10,40").split(",").map(Number)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2)
const PLATFORM_DOMAIN = "maart.localhost"
// Its own Redis database: the cluster's queues and locks must not meet a test run's on the same server.
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379/7"
process.env.BENCH_DATABASE_URL ||= "postgres://postgres@localhost:5432/maart_bench_load"
const FIELDS = "*variants.calculated_price,%2Bvariants.inventory_quantity,%2Bmetadata,%2Btags"
const SECRETS = { JWT_SECRET: "bench-load-jwt-secret", COOKIE_SECRET: "bench-load-cookie-secret" }

const pick = (list) => list[Math.floor(Math.random() * list.length)]

/** The platform once: shops, catalogs, the build. Returns what the shoppers need. */
async function setUp() {
  const started = Date.now()
  const maart = await startMaart({ port: await freePort(), env: { PLATFORM_DOMAIN, REDIS_URL, ...SECRETS } })
  try {
    const admin = await login(maart.base, ADMIN.email, ADMIN.password)
    const { regions } = await json(maart.base, "GET", "/admin/regions", null, admin)
    const { shops } = await openShops(maart.base, admin, { count: SHOPS, products: PRODUCTS, prefix: "load-shop" })
    // The product pages a shopper opens: the first 50 of each shop (every 20th is a draft the Store API hides).
    for (const shop of shops) {
      shop.products = Array.from({ length: Math.min(50, PRODUCTS) }, (_, i) => i + 1).filter((n) => n % 20).map((n) => `prod_${shop.tag}_${n}`)
    }
    console.log(`set up: ${SHOPS} shops × ${PRODUCTS} products in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    return { region: regions[0].id, shops, platformKey: shops[0].key }
  } finally {
    await maart.stop()
  }
}

/**
 * A shopper's visit, as autocannon's request chain: the host's resolution answers the shop's key, which the next
 * two requests use (autocannon keeps `context` per connection).
 */
function visit({ region, shops, platformKey }) {
  return [
    {
      method: "GET",
      setupRequest: (req, context) => {
        context.shop = pick(shops)
        return { ...req, path: `/store/vendors/resolve?host=${context.shop.handle}.${PLATFORM_DOMAIN}`, headers: { "x-publishable-api-key": platformKey } }
      },
      onResponse: (status, body, context) => {
        context.key = status === 200 ? JSON.parse(body).vendor.publishable_key : context.shop.key
      },
    },
    {
      method: "GET",
      setupRequest: (req, context) => ({ ...req, path: `/store/products?limit=12&region_id=${region}&fields=${FIELDS}`, headers: { "x-publishable-api-key": context.key } }),
    },
    {
      method: "GET",
      setupRequest: (req, context) => ({ ...req, path: `/store/products/${pick(context.shop.products)}?region_id=${region}&fields=${FIELDS}`, headers: { "x-publishable-api-key": context.key } }),
    },
  ]
}

/**
 * One autocannon run. With `serverPids`, where the machine's CPU went meanwhile: the server instances' milliseconds
 * per request, the load generator's (this process), and the machine's busy share of all its cores.
 */
async function run(url, requests, connections, seconds, serverPids = []) {
  const latencies = []
  const before = { servers: serverPids.map(cpuSeconds), bench: process.cpuUsage(), machine: machineCpu() }
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, requests }, (err, r) => (err ? reject(err) : resolve(r)))
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms))
  })
  const machine = machineCpu()
  const bench = process.cpuUsage(before.bench)
  const n = Math.max(1, latencies.length)
  const cpu = {
    serversMs: (1000 * serverPids.reduce((s, pid, i) => s + cpuSeconds(pid) - before.servers[i], 0)) / n,
    benchMs: (bench.user + bench.system) / 1000 / n,
    busy: (machine.busy - before.machine.busy) / Math.max(1e-9, machine.total - before.machine.total),
  }
  latencies.sort((a, b) => a - b)
  const why = [
    ...Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2")).map(([code, { count }]) => `${count}× ${code}`),
    ...(result.timeouts ? [`${result.timeouts}× time-out`] : []),
    ...(result.errors - result.timeouts > 0 ? [`${result.errors - result.timeouts}× connection error`] : []),
  ]
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx, n: latencies.length, why: why.join(", "), cpu,
  }
}

/** One side: the cluster with `servers` server instances, measured at each connection count. */
async function side(servers, data) {
  const ports = await Promise.all(Array.from({ length: servers + 2 }, () => freePort()))
  const env = {
    ...process.env,
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    REDIS_URL,
    ...SECRETS,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    PLATFORM_DOMAIN,
    MEDUSA_DISABLE_TELEMETRY: "true",
    // One client machine at thousands of requests a minute: the Store API's limits would measure 429s.
    STORE_RATE_LIMIT_PER_IP: "0",
    STORE_RATE_LIMIT_PER_KEY: "0",
  }
  const dir = path.join(STATE_DIR, "bench-load", `cluster-${servers}`)
  const cluster = await startCluster({ env, cwd: data.serverDir, dir, proxyPort: ports[0], serverPorts: ports.slice(2, 2 + servers), workerPort: ports[1], stdio: "pipe" })
  try {
    await run(cluster.proxyUrl, visit(data), 4, 5) // warm-up (JIT, pools, the resolution cache), not counted
    // The processes that hold the servers' ports (medusa start forks its server).
    const pids = cluster.servers.map((s) => serverPid(s.port))
    const results = {}
    for (const connections of CONNECTIONS) {
      const r = (results[connections] = await run(cluster.proxyUrl, visit(data), connections, SECONDS, pids))
      console.log(`  ${servers} server${servers > 1 ? "s" : " "} @${String(connections).padEnd(3)} ${r.rps.toFixed(0).padStart(5)} req/s  ${(r.rps / 3).toFixed(0).padStart(4)} visits/s  p50 ${r.p50.toFixed(0).padStart(4)} ms  p95 ${r.p95.toFixed(0).padStart(4)} ms  p99 ${r.p99.toFixed(0).padStart(4)} ms  errors ${r.errors}${r.why ? ` (${r.why})` : ""}  CPU/request: servers ${r.cpu.serversMs.toFixed(0)} ms, load generator ${r.cpu.benchMs.toFixed(1)} ms; machine busy ${(100 * r.cpu.busy).toFixed(0)} %  load ${os.loadavg()[0].toFixed(1)}`)
    }
    return results
  } finally {
    await cluster.stop()
  }
}

const mean = (list) => list.reduce((s, x) => s + x, 0) / list.length

async function main() {
  console.log(`bench:load — ${SHOPS} shops × ${PRODUCTS} products, ${SECONDS} s per run, connections ${CONNECTIONS.join(", ")}, ${ROUNDS} round(s), ${os.cpus().length} cores`)
  const data = await setUp()
  // The instances run from a copy of the build: a `medusa build` started meanwhile (a test run) rewrites .medusa/server.
  data.serverDir = path.join(STATE_DIR, "bench-load", "server")
  fs.rmSync(data.serverDir, { recursive: true, force: true })
  fs.cpSync(SERVER_DIR, data.serverDir, { recursive: true })
  const runs = { 1: [], 2: [] }
  for (let round = 0; round < ROUNDS; round++) {
    // Alternated, so a drift of the machine's load weighs on both sides alike.
    for (const servers of round % 2 ? [2, 1] : [1, 2]) runs[servers].push(await side(servers, data))
  }

  console.log(`\n${SHOPS} shops × ${PRODUCTS} products; a visit = resolve host + catalog page + product page; ${ROUNDS} × ${SECONDS} s per cell (means)`)
  console.log("connections | servers | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU/req | machine busy")
  for (const connections of CONNECTIONS) {
    for (const servers of [1, 2]) {
      const rs = runs[servers].map((r) => r[connections])
      console.log(
        [String(connections).padStart(11), String(servers).padStart(7), mean(rs.map((r) => r.rps)).toFixed(0).padStart(5), mean(rs.map((r) => r.p50)).toFixed(0).padStart(6),
          mean(rs.map((r) => r.p95)).toFixed(0).padStart(6), mean(rs.map((r) => r.p99)).toFixed(0).padStart(6), String(rs.reduce((s, r) => s + r.errors, 0)).padStart(6),
          `${mean(rs.map((r) => r.cpu.serversMs)).toFixed(0)} ms`.padStart(14), `${(100 * mean(rs.map((r) => r.cpu.busy))).toFixed(0)} %`.padStart(12)].join(" | ")
      )
    }
    const one = runs[1].map((r) => r[connections])
    const two = runs[2].map((r) => r[connections])
    console.log(`  @${connections}: req/s 2 servers / 1 server = ${(mean(two.map((r) => r.rps)) / mean(one.map((r) => r.rps))).toFixed(2)}×, p95 1 server / 2 servers = ${(mean(one.map((r) => r.p95)) / mean(two.map((r) => r.p95))).toFixed(2)}×`)
  }
  const errors = [1, 2].flatMap((s) => runs[s].flatMap((r) => Object.values(r))).reduce((s, r) => s + r.errors, 0)
  console.log(`errors over all runs: ${errors} (goal 0) — ${errors === 0 ? "met" : "NOT met"}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
