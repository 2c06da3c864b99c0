#!/usr/bin/env node
// bench/search: shop search on Medusa's search module with the Postgres provider (docs/search.md).
// `npm run bench:search` — boots Maart on BENCH_DATABASE_URL (default maart_bench_search, recreated), opens BENCH_SHOPS
// shops (default 20) and writes BENCH_PRODUCTS products per shop (default 5,264: every 20th a draft, so 20 × 5,000
// published = 100,080) straight into the tables (bench/lib/store-catalog.mjs). Then:
//   reindex     `npm run search:reindex` (the full rebuild, in its own process): products/s
//   searches    GET /store/search/products with a random shop's key and a random 1–3 word query from the catalog's
//               words, BENCH_REQUESTS (default 400) per scenario, one at a time (BENCH_CONNECTIONS adds concurrent
//               runs): "no facets" = query only; "facets" = query + category + in-stock + price range filters.
//               Every answer computes the facet counts (categories, brands, stock, price ranges). p50/p95/max.
//   publish     a product created published through the Admin API by a shop's owner: ms until the shop's search
//               finds it (BENCH_PUBLISHES, default 10).
import { spawn } from "node:child_process"
import os from "node:os"
import pg from "pg"
import { ROOT } from "../scripts/lib/runtime.mjs"
import { ADMIN, json, login, startMaart } from "./lib/server.mjs"
import { seedShopCatalog } from "./lib/store-catalog.mjs"

const SHOPS = Number(process.env.BENCH_SHOPS || 20)
const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 5264)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 400)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "1").split(",").map(Number)
const PUBLISHES = Number(process.env.BENCH_PUBLISHES || 10)
const PORT = Number(process.env.BENCH_PORT || 9130)
const CATEGORIES = 20
process.env.BENCH_DATABASE_URL ||= "postgres://postgres@localhost:5432/maart_bench_search"

// The words bench/lib/store-catalog.mjs builds titles and descriptions from (and a typo of some).
const WORDS = ["T-shirt", "Sweat", "Tasse", "Lampe", "Sac", "Casquette", "Coussin", "Carnet", "rouge", "bleu", "vert", "noir", "blanc", "gris", "jaune", "rose", "bordeaux", "beige", "coton", "imprimé", "casquete", "coussni"]
const pick = (list) => list[Math.floor(Math.random() * list.length)]
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN)
const query = () => Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => pick(WORDS)).join(" ")

async function setUp(base) {
  const started = Date.now()
  const admin = await login(base, ADMIN.email, ADMIN.password)
  const { shipping_profiles } = await json(base, "GET", "/admin/shipping-profiles?type=default", null, admin)
  const categories = []
  for (let c = 0; c < CATEGORIES; c++) {
    categories.push((await json(base, "POST", "/admin/product-categories", { name: `Bench category ${c}`, is_active: true }, admin)).product_category.id)
  }
  const db = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL })
  await db.connect()
  const shops = []
  try {
    for (let i = 0; i < SHOPS; i++) {
      const handle = `bench-search-${i}`
      const { vendor } = await json(base, "POST", "/admin/vendors", { handle, name: `Bench shop ${i}`, owner: { email: `owner@${handle}.localhost`, password: "bench-owner-pass" } }, admin)
      await json(base, "POST", `/admin/vendors/${vendor.id}/activate`, {}, admin)
      const { vendor: full } = await json(base, "GET", `/admin/vendors/${vendor.id}`, null, admin)
      await seedShopCatalog(db, { tag: `q${i}`, vendorId: vendor.id, salesChannelId: full.sales_channel.id, shippingProfileId: shipping_profiles[0].id, products: PRODUCTS, categoryIds: categories })
      shops.push({ handle, vendorId: vendor.id, key: full.api_key.token })
    }
    await db.query("ANALYZE")
  } finally {
    await db.end()
  }
  console.log(`set up: ${SHOPS} shops × ${PRODUCTS} products (${SHOPS * PRODUCTS} on the platform, ${SHOPS * (PRODUCTS - Math.floor(PRODUCTS / 20))} published) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return { categories, shops }
}

/** The full reindex in its own process, as an operator runs it; its last progress line has the figures. */
function reindex() {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn("npx", ["medusa", "exec", "./src/scripts/search-reindex.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.BENCH_DATABASE_URL, LOG_LEVEL: "info", NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    child.stdout.on("data", (d) => {
      out += d
      const last = String(d).split("\r").filter((l) => l.includes("search:reindex")).pop()
      if (last) process.stdout.write(`\r${last.trim().slice(0, 110)}`)
    })
    child.stderr.on("data", (d) => (out += d))
    child.on("exit", (code) => {
      process.stdout.write("\n")
      const m = /(\d+) products indexed in ([\d.]+) s/.exec(out)
      if (code !== 0 || !m) return reject(new Error(`reindex failed (${code}):\n${out.slice(-3000)}`))
      resolve({ docs: Number(m[1]), seconds: Number(m[2]), wall: (Date.now() - started) / 1000 })
    })
  })
}

async function measure(base, { categories, shops }, withFacets, connections) {
  const latencies = []
  let errors = 0
  let hits = 0
  const one = async () => {
    const shop = pick(shops)
    let url = `/store/search/products?limit=12&q=${encodeURIComponent(query())}`
    url += withFacets ? `&category_id=${pick(categories)}&in_stock=true&price_min=20&price_max=80` : "&facets=false"
    const t = performance.now()
    const res = await fetch(base + url, { headers: { "x-publishable-api-key": shop.key } })
    const body = await res.json()
    latencies.push(performance.now() - t)
    if (!res.ok || body.source !== "search") errors++
    hits += body.count ?? 0
    if (body.products?.some((p) => p.vendor_id !== shop.vendorId)) throw new Error("a cross-shop hit")
  }
  const per = Math.ceil(REQUESTS / connections)
  await Promise.all(Array.from({ length: connections }, async () => { for (let i = 0; i < per; i++) await one() }))
  latencies.sort((a, b) => a - b)
  // The machine's 1-minute load at the end of the scenario: the figures mean little on a busy machine.
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1), n: latencies.length, errors, avgHits: hits / latencies.length, load: os.loadavg()[0] }
}

async function timeToSearchable(base, { shops }) {
  const times = []
  for (let i = 0; i < PUBLISHES; i++) {
    const shop = shops[i % shops.length]
    const owner = await login(base, `owner@${shop.handle}.localhost`, "bench-owner-pass")
    const word = `zyx${Date.now().toString(36)}${i}`
    const t = performance.now()
    await json(base, "POST", "/admin/products", {
      title: `Bench neuheit ${word}`, status: "published", options: [{ title: "Size", values: ["S"] }],
      variants: [{ title: "S", options: { Size: "S" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 19 }] }],
    }, owner)
    const created = performance.now() - t
    for (;;) {
      const res = await fetch(`${base}/store/search/products?q=${word}`, { headers: { "x-publishable-api-key": shop.key } })
      if ((await res.json()).count === 1) break
      if (performance.now() - t > 60000) throw new Error("not searchable after 60 s")
      await new Promise((r) => setTimeout(r, 20))
    }
    times.push({ total: performance.now() - t, created })
  }
  times.sort((a, b) => a.total - b.total)
  return { p50: percentile(times.map((x) => x.total), 50), max: times.at(-1).total, createdP50: percentile([...times].map((x) => x.created).sort((a, b) => a - b), 50) }
}

const ms = (n) => `${n.toFixed(1)} ms`
const { base, stop } = await startMaart({ port: PORT })
try {
  const data = await setUp(base)
  const r = await reindex()
  console.log(`reindex: ${r.docs} products in ${r.seconds.toFixed(1)} s = ${Math.round(r.docs / r.seconds)} docs/s (process wall time ${r.wall.toFixed(0)} s, boot included)`)
  // Warm-up: the first queries of each shop load its pages into PostgreSQL's cache.
  await measure(base, data, false, 1)
  const rows = []
  for (const c of CONNECTIONS) {
    for (const facets of [false, true]) {
      const m = await measure(base, data, facets, c)
      rows.push([`${facets ? "query + facet filters + facet counts" : "query only"}`, c, m])
    }
  }
  const t = await timeToSearchable(base, data)
  console.log(`\n| search (Postgres provider, 1–3 words, limit 12) | connections | p50 | p95 | max | requests | errors | avg hits | load (${os.cpus().length} cores) |`)
  console.log("|---|---|---|---|---|---|---|---|---|")
  for (const [name, c, m] of rows) console.log(`| ${name} | ${c} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.max)} | ${m.n} | ${m.errors} | ${m.avgHits.toFixed(0)} | ${m.load.toFixed(1)} |`)
  console.log(`\ntime to searchable after publish (admin create, published): p50 ${ms(t.p50)}, max ${ms(t.max)} (of which the create call p50 ${ms(t.createdP50)})`)
  console.log(`full reindex: ${Math.round(r.docs / r.seconds)} docs/s (${r.docs} products, ${r.seconds.toFixed(1)} s)`)
} finally {
  await stop()
}
