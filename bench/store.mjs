#!/usr/bin/env node
// bench/store: shops' catalog pages and add-to-cart under load, Maart's fast catalog path against Medusa's own.
// `npm run bench:store` — boots Maart on BENCH_DATABASE_URL (default maart_bench_store, recreated), opens BENCH_SHOPS
// shops (default 10) and writes BENCH_PRODUCTS products per shop (default 10,000; 3 priced variants each, every 20th a
// draft, 20 categories) straight into the tables (bench/lib/store-catalog.mjs). Then, per side — "fast" (Maart's
// path) and "stock" (the same server restarted on the same data with MAART_FAST_CATALOG=0) — autocannon runs each
// scenario at each connection count (BENCH_CONNECTIONS, default "1,10") for BENCH_SECONDS (default 15), every
// request for a random shop with its own publishable key:
//   list      GET /store/products?limit=12&region_id=…&fields=<the Next.js starter's>
//   category  the same with category_id=<one of the 20>
//   page 50   the same with offset=588
//   add       POST /store/carts/:id/line-items (one of the shop's carts, one of 5 variants)
// and prints p50/p95 (from every response's latency), req/s and errors side by side, with the stock/fast ratio.
// Before measuring, each side's answers to a few catalog URLs are fetched: the header x-maart-catalog says which
// path answered, and the fast and stock answers must be equal (same data, same response). Env: BENCH_SHOPS,
// BENCH_PRODUCTS, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_SCENARIOS (e.g. "list,add"), BENCH_PORT (9120).
import autocannon from "autocannon"
import pg from "pg"
import { ADMIN, json, login, startMaart } from "./lib/server.mjs"
import { openShops } from "./lib/shops.mjs"
import { serverPid, watch } from "./lib/watch.mjs"
import { percentile } from "./lib/stats.mjs"

const SHOPS = Number(process.env.BENCH_SHOPS || 10)
const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 10000)
const SECONDS = Number(process.env.BENCH_SECONDS || 15)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "1,10").split(",").map(Number)
const PORT = Number(process.env.BENCH_PORT || 9120)
// A subset of the scenarios, e.g. BENCH_SCENARIOS=list,add (default: all).
const ONLY = process.env.BENCH_SCENARIOS ? process.env.BENCH_SCENARIOS.split(",") : null
const CATEGORIES = 20
const CARTS_PER_SHOP = 4
process.env.BENCH_DATABASE_URL ||= "postgres://postgres@localhost:5432/maart_bench_store"
const FIELDS = "*variants.calculated_price,%2Bvariants.inventory_quantity,%2Bmetadata,%2Btags"

const pick = (list) => list[Math.floor(Math.random() * list.length)]

/** The platform: shops with their catalogs, categories, carts. Made once; both sides use it. */
async function setUp(base) {
  const started = Date.now()
  const admin = await login(base, ADMIN.email, ADMIN.password)
  const { regions } = await json(base, "GET", "/admin/regions", null, admin)
  const { categories, shops } = await openShops(base, admin, { count: SHOPS, products: PRODUCTS, categories: CATEGORIES })
  for (const shop of shops) {
    shop.carts = []
    for (let c = 0; c < CARTS_PER_SHOP; c++) {
      shop.carts.push((await json(base, "POST", "/store/carts", { region_id: regions[0].id }, { "x-publishable-api-key": shop.key })).cart.id)
    }
  }
  console.log(`set up: ${SHOPS} shops × ${PRODUCTS} products (${SHOPS * PRODUCTS} on the platform, 3 variants each) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return { region: regions[0].id, categories, shops }
}

function scenarios({ region, categories, shops }) {
  const list = `/store/products?limit=12&region_id=${region}&fields=${FIELDS}`
  const get = (path) => ({
    method: "GET",
    setupRequest: (req) => {
      const shop = pick(shops)
      return { ...req, path: path(), headers: { "x-publishable-api-key": shop.key } }
    },
  })
  return {
    list: get(() => list),
    category: get(() => `${list}&category_id=${pick(categories)}`),
    "page 50": get(() => `${list}&offset=588`),
    add: {
      method: "POST",
      setupRequest: (req) => {
        const shop = pick(shops)
        return {
          ...req,
          path: `/store/carts/${pick(shop.carts)}/line-items`,
          headers: { "x-publishable-api-key": shop.key, "content-type": "application/json" },
          body: JSON.stringify({ variant_id: pick(shop.variants), quantity: 1 }),
        }
      },
    },
  }
}

/**
 * One autocannon run; p50/p95 from every response's own latency. With `watcher` (bench/lib/watch.mjs) also the
 * CPU milliseconds the server and its PostgreSQL backends spent per request: what a page costs, whatever else
 * the machine is running (latencies on a shared 2-core machine are not).
 */
async function load(base, request, connections, { seconds = SECONDS, watcher } = {}) {
  const watching = watcher ? await watch(watcher.pid, watcher.db) : null
  const latencies = []
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, requests: [request] }, (err, r) => (err ? reject(err) : resolve(r)))
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms))
  })
  const usage = watching ? await watching.stop() : null
  latencies.sort((a, b) => a - b)
  const n = Math.max(1, latencies.length)
  return {
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx, n: latencies.length,
    // What the errors were: HTTP statuses other than 2xx, time-outs, connection errors.
    why: [...Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2")).map(([code, { count }]) => `${count}× ${code}`),
      ...(result.timeouts ? [`${result.timeouts}× time-out`] : []), ...(result.errors - result.timeouts > 0 ? [`${result.errors - result.timeouts}× error`] : [])].join(", "),
    nodeMs: usage ? (1000 * usage.serverCpu) / n : NaN, pgMs: usage ? (1000 * usage.dbCpu) / n : NaN, otherCpu: usage?.otherCpu ?? NaN, machineSeconds: usage?.machineSeconds ?? NaN,
  }
}

/** The answers a side gives to a few catalog URLs, and which path gave them. */
async function sample(base, { region, categories, shops }) {
  const key = { "x-publishable-api-key": shops[0].key }
  const urls = [
    `/store/products?limit=12&region_id=${region}&fields=${FIELDS}`,
    `/store/products?limit=12&region_id=${region}&fields=${FIELDS}&category_id=${categories[3]}&order=-created_at`,
    `/store/products?limit=12&offset=588&order=title`,
    `/store/products?limit=5&q=rouge`,
  ]
  const out = []
  for (const url of urls) {
    const res = await fetch(base + url, { headers: key })
    out.push({ url, status: res.status, path: res.headers.get("x-maart-catalog") ?? "stock", body: await res.text() })
  }
  return out
}

async function side(name, env, fresh, data) {
  const server = await startMaart({ port: PORT, fresh, env })
  try {
    data ??= await setUp(server.base)
    const answers = await sample(server.base, data)
    const db = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL })
    await db.connect()
    const watcher = { pid: serverPid(PORT), db }
    const results = {}
    try {
      for (const [scenario, request] of Object.entries(scenarios(data)).filter(([name]) => !ONLY || ONLY.includes(name))) {
        await load(server.base, request, 2, { seconds: 3 }) // warm-up (JIT, pools, caches), not counted
        for (const connections of CONNECTIONS) {
          const r = (results[`${scenario} @${connections}`] = await load(server.base, request, connections, { watcher }))
          // Other CPU: what the rest of the machine ran meanwhile, as a share of its cores' time.
          console.log(`  ${name.padEnd(5)} ${`${scenario} @${connections}`.padEnd(16)} p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  ${r.rps.toFixed(1).padStart(6)} req/s  errors ${r.errors}${r.why ? ` (${r.why})` : ""}  CPU/request node ${r.nodeMs.toFixed(0)} ms + pg ${r.pgMs.toFixed(0)} ms  (others busy ${((100 * r.otherCpu) / r.machineSeconds).toFixed(0)} % of the machine)`)
        }
      }
    } finally {
      await db.end()
    }
    return { data, answers, results }
  } finally {
    await server.stop()
  }
}

async function main() {
  console.log(`bench:store — ${SHOPS} shops × ${PRODUCTS} products, ${SECONDS} s per run, connections ${CONNECTIONS.join(", ")}`)
  const fast = await side("fast", { MAART_FAST_CATALOG: "1" }, true, null)
  const stock = await side("stock", { MAART_FAST_CATALOG: "0" }, false, fast.data)

  console.log(`\n${SHOPS} shops × ${PRODUCTS} products (${SHOPS * PRODUCTS} on the platform); per run ${SECONDS} s, a random shop per request`)
  console.log("scenario          | fast p50 | fast p95 | fast req/s | fast CPU/req | stock p50 | stock p95 | stock req/s | stock CPU/req | errors f/s | p95 stock/fast | req/s fast/stock")
  for (const key of Object.keys(fast.results)) {
    const f = fast.results[key]
    const s = stock.results[key]
    console.log(
      [key.padEnd(17), `${f.p50.toFixed(0)} ms`.padStart(8), `${f.p95.toFixed(0)} ms`.padStart(8), f.rps.toFixed(1).padStart(10), `${(f.nodeMs + f.pgMs).toFixed(0)} ms`.padStart(12),
        `${s.p50.toFixed(0)} ms`.padStart(9), `${s.p95.toFixed(0)} ms`.padStart(9), s.rps.toFixed(1).padStart(11), `${(s.nodeMs + s.pgMs).toFixed(0)} ms`.padStart(13),
        `${f.errors}/${s.errors}`.padStart(10), `${(s.p95 / f.p95).toFixed(1)}×`.padStart(14),
        `${(f.rps / s.rps).toFixed(1)}×`.padStart(16)].join(" | ")
    )
  }
  const paths = fast.answers.map((a, i) => `${a.path}/${stock.answers[i].path}`)
  const equal = fast.answers.filter((a, i) => a.status === 200 && a.body === stock.answers[i].body).length
  console.log(`answers (fast/stock path per sample URL): ${paths.join(", ")}; equal bodies: ${equal}/${fast.answers.length}`)
  const goal = Math.max(...["list @1", "category @1"].filter((k) => fast.results[k]).map((k) => fast.results[k].p95))
  if (Number.isFinite(goal)) console.log(`goal p95 ≤ 80 ms for a catalog page at one connection: ${goal.toFixed(0)} ms — ${goal <= 80 ? "met" : "NOT met"}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
