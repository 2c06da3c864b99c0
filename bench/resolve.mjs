#!/usr/bin/env node
// bench/resolve: a shop's catalog page through host resolution + its key, against the key alone.
// `npm run bench:resolve` — boots Maart on BENCH_DATABASE_URL, gives the demo shop `lumiere`
// BENCH_PRODUCTS products, then alternates autocannon runs of
//   A: GET /store/products?limit=12 with the shop's key
//   B: GET /store/vendors/resolve?host=lumiere.localhost, then the same catalog page
// and reports pages/s for each and the cost ratio B/A (goal ≤ 1.05).
import autocannon from "autocannon"
import { ADMIN, json, login, startMaart } from "./lib/server.mjs"

const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 1000)
const DURATION = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2)

function run(base, requests) {
  return autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests })
}

async function main() {
  const started = Date.now()
  const { base, stop } = await startMaart()
  try {
    const admin = await login(base, ADMIN.email, ADMIN.password)
    const { vendors } = await json(base, "GET", "/admin/vendors?handle=lumiere", null, admin)
    const shop = vendors[0]
    const key = { "x-publishable-api-key": shop.api_key.token }
    for (let done = 0; done < PRODUCTS; done += 100) {
      const create = Array.from({ length: Math.min(100, PRODUCTS - done) }, (_, i) => ({
        title: `Bench product ${done + i}`,
        status: "published",
        sales_channels: [{ id: shop.sales_channel.id }],
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", options: { Size: "M" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 10 + i }] }],
      }))
      await json(base, "POST", "/admin/products/batch", { create }, admin)
    }
    console.log(`ready: lumiere has ${PRODUCTS + 5} products (setup ${((Date.now() - started) / 1000).toFixed(0)} s)`)

    const page = { method: "GET", path: "/store/products?limit=12", headers: key }
    const resolve = { method: "GET", path: "/store/vendors/resolve?host=lumiere.localhost", headers: key }
    await run(base, [page]) // warm-up
    const results = { A: [], B: [] }
    for (let round = 0; round < ROUNDS; round++) {
      results.A.push(await run(base, [page]))
      results.B.push(await run(base, [resolve, page]))
    }
    const summarize = (rs, requestsPerPage) => ({
      pagesPerSecond: rs.reduce((s, r) => s + r.requests.average, 0) / rs.length / requestsPerPage,
      p50: rs.reduce((s, r) => s + r.latency.p50, 0) / rs.length,
      p99: rs.reduce((s, r) => s + r.latency.p99, 0) / rs.length,
      errors: rs.reduce((s, r) => s + r.errors + r.non2xx, 0),
    })
    const A = summarize(results.A, 1)
    const B = summarize(results.B, 2)
    console.log(`\n${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s per variant, ${PRODUCTS + 5} products in the shop`)
    console.log("variant                         pages/s   p50 ms (per request)   p99 ms   errors")
    for (const [name, r] of [["A  key alone", A], ["B  resolve host + key", B]]) {
      console.log(`${name.padEnd(30)} ${r.pagesPerSecond.toFixed(1).padStart(8)}   ${r.p50.toFixed(1).padStart(20)}   ${r.p99.toFixed(1).padStart(6)}   ${r.errors}`)
    }
    console.log(`ratio (cost per page B / A): ${(A.pagesPerSecond / B.pagesPerSecond).toFixed(3)}  (goal ≤ 1.05)`)
  } finally {
    await stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
