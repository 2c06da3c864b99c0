#!/usr/bin/env node
// bench/publish: staged Letzshop items → the vendor's catalog through the API, against Medusa's own product CSV import.
// `npm run bench:publish` — boots Maart on BENCH_DATABASE_URL (default maart_bench_publish, recreated), imports a generated
// feed of BENCH_PRODUCTS (default 1,000) item groups × 3 sizes into a fresh vendor's staging, then publishes all of it as
// the vendor's owner (POST /admin/marketplace/publish → 202 → poll GET /admin/marketplace/publish-jobs/:id until it is
// over). Then, on a fresh server and database, the same products × 3 variants as a Medusa product CSV through Medusa's
// admin import (presigned-urls → uploads → POST /admin/products/imports → confirm, as the platform admin) until all of
// them are listed. Per run: wall time, products/s, the server's RSS before and at its peak (VmHWM reset before the run,
// and 200 ms samples), CPU seconds of the server and of its PostgreSQL backends. Goal: Maart ≥ 2× Medusa's products/s.
// Env: BENCH_PRODUCTS, BENCH_PORT (default 9110), BENCH_MEDUSA (0 skips Medusa's import), BENCH_TIMEOUT_SECONDS (per run, 1800).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { ADMIN, json, login, startMaart } from "./lib/server.mjs"
import { medusaCsv, serveFeed } from "./lib/publish-catalog.mjs"
import { medusaProductImport, productCount } from "./lib/medusa-import.mjs"
import { serverPid, watch } from "./lib/watch.mjs"

const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 1000)
const ITEMS = PRODUCTS * 3
const PORT = Number(process.env.BENCH_PORT || 9110)
const WITH_MEDUSA = process.env.BENCH_MEDUSA !== "0"
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_SECONDS || 1800) * 1000
const PASSWORD = "bench-vendor-pass"
const DONE = ["succeeded", "partially_succeeded", "failed", "cancelled"]
process.env.BENCH_DATABASE_URL ||= "postgres://postgres@localhost:5432/maart_bench_publish"
// The feed comes from this process, on loopback: let the server fetch it (off by default, against SSRF).
process.env.MARKETPLACE_FEED_ALLOW_PRIVATE ??= "true"
// Where the publish job writes its time per workflow step (see src/workflows/marketplace/publish-job/step-profile.ts).
const PROFILE = (process.env.MARKETPLACE_PUBLISH_PROFILE ||= path.join(os.tmpdir(), `maart-publish-profile-${process.pid}.json`))

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const MB = (bytes) => (bytes / (1 << 20)).toFixed(0)
const f1 = (v) => v.toFixed(1)

async function boot() {
  const server = await startMaart({ port: PORT })
  const db = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL })
  await db.connect()
  return { ...server, db, pid: serverPid(PORT), admin: await login(server.base, ADMIN.email, ADMIN.password) }
}

async function poll(fetchJob, everyMs) {
  const deadline = Date.now() + TIMEOUT
  let job = await fetchJob()
  while (!DONE.includes(job.status) && Date.now() < deadline) {
    await sleep(everyMs)
    job = await fetchJob()
  }
  return job
}

/** Staging (through an import, not timed), then the timed publish of everything staged. */
async function maartPublish({ base, admin, pid, db }) {
  const handle = `bench-pub-${Date.now().toString(36)}`
  const email = `owner@${handle}.localhost`
  const { vendor } = await json(base, "POST", "/admin/vendors", { handle, name: "Bench publish", default_language: "fr", owner: { email, password: PASSWORD } }, admin)
  await json(base, "POST", `/admin/vendors/${vendor.id}/activate`, {}, admin)
  const owner = await login(base, email, PASSWORD)
  const feed = await serveFeed(ITEMS)
  try {
    const { import_job } = await json(base, "POST", "/admin/marketplace/imports", { language: "fr", url: feed.url }, owner)
    const imported = await poll(async () => (await json(base, "GET", `/admin/marketplace/imports/${import_job.id}`, null, owner)).import_job, 250)
    if (imported.rows_imported !== ITEMS) throw new Error(`staging: ${JSON.stringify(imported).slice(0, 400)}`)
  } finally {
    feed.server.close()
  }
  await sleep(1000)
  const watcher = await watch(pid, db)
  const posted = Date.now()
  const { publish_job } = await json(base, "POST", "/admin/marketplace/publish", { filter: {} }, owner)
  const answered = Date.now() - posted
  const job = await poll(async () => (await json(base, "GET", `/admin/marketplace/publish-jobs/${publish_job.id}`, null, owner)).publish_job, 250)
  const usage = await watcher.stop()
  const wall = ((job.finished_at ? Date.parse(job.finished_at) : Date.now()) - posted) / 1000
  const listed = (await json(base, "GET", "/admin/products?limit=1&fields=id", null, owner)).count
  return { status: job.status, answeredMs: answered, items: job.items_done, created: job.created, published: job.published_items, failed: job.failed.length,
    skipped: job.skipped.length, listed, wall, productsPerSecond: job.created / wall, ...usage }
}

/** Medusa's own import of the same products (the dashboard's flow), timed until all are listed. */
async function medusaImport({ base, admin, pid, db }) {
  const csv = Buffer.from(medusaCsv(ITEMS))
  const before = await productCount(base, admin)
  await sleep(1000)
  const watcher = await watch(pid, db)
  const started = Date.now()
  const { state, imported } = await medusaProductImport({
    base, admin, csv, name: "bench-publish.csv", before, products: PRODUCTS, deadline: started + TIMEOUT, pollMs: 500,
  })
  const wall = (Date.now() - started) / 1000
  const usage = await watcher.stop()
  return { status: imported >= PRODUCTS ? "succeeded" : `${state ?? "timeout"} (${imported}/${PRODUCTS})`, created: imported, wall, productsPerSecond: imported / wall, ...usage }
}

/** The publish job's time per step of its chunk workflow, summed over the chunks. */
function printProfile() {
  if (!fs.existsSync(PROFILE)) return
  const totals = JSON.parse(fs.readFileSync(PROFILE, "utf8"))
  fs.rmSync(PROFILE)
  const whole = totals["chunk workflow (whole)"]?.ms ?? 1
  console.log(`\nMaart publish job, time per step (summed over ${totals["chunk workflow (whole)"]?.count ?? 0} chunks; share of the chunks' workflow time):`)
  for (const [name, t] of Object.entries(totals).sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${(t.ms / 1000).toFixed(2).padStart(7)} s  ${((100 * t.ms) / whole).toFixed(0).padStart(3)} %  ${name}`)
  }
}

async function main() {
  let server = null
  const shutdown = async () => {
    await server?.db.end()
    await server?.stop()
    server = null
  }
  try {
    server = await boot()
    const maart = await maartPublish(server)
    console.log(`maart publish: ${maart.status}, ${maart.created} products (${maart.published} items) in ${f1(maart.wall)} s — ${f1(maart.productsPerSecond)} products/s, peak RSS ${MB(maart.peak)} MB`)
    let medusa = null
    if (WITH_MEDUSA) {
      // A fresh server and database, as Maart's run had.
      await shutdown()
      server = await boot()
      medusa = await medusaImport(server)
      console.log(`medusa import: ${medusa.status}, ${medusa.created} products in ${f1(medusa.wall)} s — ${f1(medusa.productsPerSecond)} products/s, peak RSS ${MB(medusa.peak)} MB`)
    }
    console.log(`\n${PRODUCTS} products × 3 variants (${ITEMS} staged items)`)
    console.log("run                  status               wall s  products/s  RSS before  RSS peak  node s  pg s")
    for (const [name, r] of [["Maart publish (API)", maart], ...(medusa ? [["Medusa CSV import", medusa]] : [])]) {
      console.log(`${name.padEnd(20)} ${r.status.padEnd(20)} ${f1(r.wall).padStart(6)}  ${f1(r.productsPerSecond).padStart(10)}  ${`${MB(r.rssBefore)} MB`.padStart(10)}  ${`${MB(r.peak)} MB`.padStart(8)}  ${f1(r.serverCpu).padStart(6)}  ${f1(r.dbCpu).padStart(4)}`)
    }
    printProfile()
    console.log(`Maart: POST answered 202 in ${maart.answeredMs} ms; ${maart.items} items done, ${maart.published} published, ${maart.skipped} skipped, ${maart.failed} chunks failed; the vendor lists ${maart.listed} products.`)
    if (medusa) {
      const ratio = maart.productsPerSecond / medusa.productsPerSecond
      console.log(`ratio Maart / Medusa: ${ratio.toFixed(2)}× the products/s (goal ≥ 2×: ${ratio >= 2 ? "met" : "NOT met"}), ${(maart.peak / medusa.peak).toFixed(2)}× the peak RSS`)
    }
  } finally {
    await shutdown()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
