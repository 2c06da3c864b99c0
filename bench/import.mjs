#!/usr/bin/env node
// bench/import: Letzshop feeds into staging, against Medusa's own product CSV import.
// `npm run bench:import` — boots Maart on BENCH_DATABASE_URL, serves generated Letzshop/Google Shopping TSV
// feeds (BENCH_SIZES rows, default 10k, 100k, 1M; 18 columns, 3 variants per item_group_id) from a local
// HTTP server that writes them row by row as they are read, and imports each as the owner of a fresh
// vendor (POST /admin/marketplace/imports → 202 → poll until finished). Then, in the same run, on a fresh
// server and database (as the first feed had), the first BENCH_MEDUSA_ROWS rows of the same feed as a Medusa
// product CSV through Medusa's admin import (presigned-urls → uploads → POST /admin/products/imports →
// confirm, as the platform admin) until all its products exist. Per import: wall time, rows/s, the Medusa server's RSS before and at its peak
// (VmHWM, reset before each import through /proc/<pid>/clear_refs, and a 200 ms VmRSS sample), CPU
// seconds of the server and of its PostgreSQL backends, and what the backends were busy with
// (pg_stat_activity sampled every 200 ms).
// Env: BENCH_SIZES, BENCH_MEDUSA_ROWS (0 skips Medusa's import), BENCH_TIMEOUT_SECONDS (per Maart import,
// default 60 + rows/500), BENCH_MEDUSA_TIMEOUT_SECONDS (default 1800), BENCH_PORT (Maart, default 9100).
import fs from "node:fs"
import http from "node:http"
import { Readable } from "node:stream"
import pg from "pg"
import { medusaProductImport, productCount } from "./lib/medusa-import.mjs"
import { ADMIN, json, login, startMaart } from "./lib/server.mjs"
import { serverPid, watch } from "./lib/watch.mjs"

const SIZES = (process.env.BENCH_SIZES || "10000,100000,1000000").split(",").map(Number).filter((n) => n > 0)
const MEDUSA_ROWS = Number(process.env.BENCH_MEDUSA_ROWS ?? 10000)
const TIMEOUT = (rows) => Number(process.env.BENCH_TIMEOUT_SECONDS || 60 + rows / 500) * 1000
const MEDUSA_TIMEOUT = Number(process.env.BENCH_MEDUSA_TIMEOUT_SECONDS || 1800) * 1000
const PORT = Number(process.env.BENCH_PORT || 9100)
const DATABASE_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432/maart_bench"
const PASSWORD = "bench-vendor-pass"
const DONE = ["succeeded", "partially_succeeded", "failed", "cancelled"]
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const MB = (bytes) => bytes / (1 << 20)

// ── The feed: row i of a deterministic catalog, 3 sizes per item group ──

const COLUMNS = ["id", "title", "description", "link", "image_link", "additional_image_link", "availability", "price", "sale_price",
  "brand", "gtin", "condition", "item_group_id", "color", "size", "product_type", "shipping_weight", "quantity"]
const NOUNS = ["T-shirt", "Sweat à capuche", "Tasse", "Lampe de table", "Sac en toile", "Casquette", "Coussin", "Carnet"]
const TYPES = ["Vêtements > T-shirts", "Vêtements > Sweats", "Maison > Cuisine > Tasses", "Maison > Luminaires",
  "Accessoires > Sacs", "Accessoires > Casquettes", "Maison > Déco > Coussins", "Papeterie > Carnets"]
const ADJECTIVES = ["Moien", "Gëlle Fra", "Schueberfouer", "Minett", "Éislek", "Mullerthal", "Kirchberg", "Grund"]
const COLORS = ["rouge", "bleu", "vert", "noir", "blanc", "gris", "jaune", "rose", "bordeaux", "beige"]
const SIZES_OF_GROUP = ["S", "M", "L"]

function gtin13(n) {
  const body = `40${String(n).padStart(10, "0")}`
  let sum = 0
  for (let k = 0; k < 12; k++) sum += Number(body[k]) * (k % 2 ? 3 : 1)
  return body + ((10 - (sum % 10)) % 10)
}
const euros = (cents) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")} EUR`

function item(i) {
  const g = Math.floor(i / 3)
  const group = `MRT-${String(g).padStart(7, "0")}`
  const kind = g % NOUNS.length
  const color = COLORS[(g * 7) % COLORS.length]
  const size = SIZES_OF_GROUP[i % 3]
  const title = `${NOUNS[kind]} ${ADJECTIVES[(g >> 3) % ADJECTIVES.length]} ${color}`
  const cents = 990 + ((g * 137) % 9000)
  return {
    id: `${group}-${size}`,
    title,
    description:
      `<p>${title}, taille ${size} : coton bio certifié, imprimé à la main dans notre atelier à Luxembourg-Ville. Modèle n° ${g}.</p>` +
      "<p>Lavable à 30 °C, ne pas sécher en machine. Coupe droite, coutures renforcées, étiquette sans couture. " +
      "Emballage recyclable, expédition sous 48 h.</p><ul><li><strong>Matière</strong> : 100 % coton</li><li>Origine : Luxembourg</li></ul>",
    link: `https://www.letzshop.lu/fr/vendors/bench/products/${group.toLowerCase()}-${size.toLowerCase()}`,
    image_link: `https://cdn.example.lu/bench/${group}-${color}.jpg`,
    additional_image_link: `https://cdn.example.lu/bench/${group}-${color}-2.jpg,https://cdn.example.lu/bench/${group}-${color}-3.jpg`,
    availability: i % 7 === 6 ? "out of stock" : "in stock",
    price: euros(cents),
    sale_price: g % 5 === 0 ? euros(Math.round(cents * 0.8)) : "",
    brand: "Moien",
    gtin: gtin13(i),
    condition: "new",
    item_group_id: group,
    color,
    size,
    product_type: TYPES[kind],
    shipping_weight: `${(0.2 + (kind % 4) * 0.15).toFixed(2)} kg`,
    quantity: String((i * 13) % 60),
    group: g,
    cents,
  }
}

const HEADER = COLUMNS.join("\t") + "\n"
const line = (it) => COLUMNS.map((c) => it[c]).join("\t") + "\n"

/** The feed's text, 500 rows per chunk, made as it is read. */
function* feedChunks(rows) {
  yield HEADER
  for (let start = 0; start < rows; start += 500) {
    let chunk = ""
    for (let i = start; i < Math.min(rows, start + 500); i++) chunk += line(item(i))
    yield chunk
  }
}

const feedBytes = new Map()
function feedLength(rows) {
  if (!feedBytes.has(rows)) {
    let bytes = 0
    for (const chunk of feedChunks(rows)) bytes += Buffer.byteLength(chunk)
    feedBytes.set(rows, bytes)
  }
  return feedBytes.get(rows)
}

function startFeedServer() {
  const server = http.createServer((req, res) => {
    const rows = Number(/^\/feed-(\d+)\.tsv$/.exec(req.url ?? "")?.[1])
    if (!rows) return res.writeHead(404).end()
    res.writeHead(200, { "content-type": "text/tab-separated-values; charset=utf-8", "content-length": feedLength(rows) })
    Readable.from(feedChunks(rows)).pipe(res)
  })
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)))
}

/** The first `rows` items as a Medusa product CSV (one row per variant, grouped by handle). */
function medusaCsv(rows) {
  const head = ["Product Handle", "Product Title", "Product Description", "Product Status", "Product Thumbnail", "Product Image 1",
    "Product Image 2", "Product Weight", "Variant Title", "Variant SKU", "Variant EAN", "Variant Price EUR",
    "Variant Option 1 Name", "Variant Option 1 Value", "Variant Option 2 Name", "Variant Option 2 Value"]
  const quote = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
  const out = [head.join(",")]
  for (let i = 0; i < rows; i++) {
    const it = item(i)
    const [img2] = it.additional_image_link.split(",")
    out.push([it.item_group_id.toLowerCase(), it.title, it.description, "published", it.image_link, it.image_link, img2,
      Math.round(parseFloat(it.shipping_weight) * 1000), `${it.color} / ${it.size}`, it.id, it.gtin, (it.cents / 100).toFixed(2),
      "Couleur", it.color, "Taille", it.size].map(quote).join(","))
  }
  return out.join("\n") + "\n"
}

// ── The two imports ──

async function maartImport({ base, admin, pid, db, feeds, rows }) {
  const handle = `bench-${rows}-${Date.now().toString(36)}`
  const email = `owner@${handle}.localhost`
  const { vendor } = await json(base, "POST", "/admin/vendors", { handle, name: `Bench ${rows}`, default_language: "fr", owner: { email, password: PASSWORD } }, admin)
  const owner = await login(base, email, PASSWORD)
  const url = `http://127.0.0.1:${feeds.address().port}/feed-${rows}.tsv`
  const bytes = feedLength(rows)
  await sleep(1000) // let the server settle after the previous import
  const watcher = await watch(pid, db)
  const posted = Date.now()
  const { import_job } = await json(base, "POST", "/admin/marketplace/imports", { language: "fr", url }, owner)
  const deadline = posted + TIMEOUT(rows)
  let job = import_job
  while (!DONE.includes(job.status) && Date.now() < deadline) {
    await sleep(rows <= 20000 ? 100 : 500)
    job = (await json(base, "GET", `/admin/marketplace/imports/${job.id}`, null, owner)).import_job
  }
  const timedOut = !DONE.includes(job.status)
  const seen = Date.now()
  if (timedOut) await json(base, "POST", `/admin/marketplace/imports/${job.id}/cancel`, {}, owner).catch(() => undefined)
  const usage = await watcher.stop()
  const finished = job.finished_at ? Date.parse(job.finished_at) : seen
  const wall = (finished - posted) / 1000
  return {
    rows,
    vendor: vendor.id,
    feedMB: MB(bytes),
    status: timedOut ? `timeout (${job.status})` : job.status,
    error: job.error_code ? `${job.error_code}: ${job.error_message}` : null,
    rowsDone: job.rows_done,
    rowsImported: job.rows_imported,
    rowsRejected: job.rows_rejected,
    wall,
    jobSeconds: job.started_at ? (finished - Date.parse(job.started_at)) / 1000 : null,
    queued: job.started_at ? (Date.parse(job.started_at) - posted) / 1000 : null,
    rowsPerSecond: job.rows_done / wall,
    ...usage,
  }
}

async function medusaImport({ base, admin, pid, db, rows }) {
  const csv = Buffer.from(medusaCsv(rows))
  const products = Math.ceil(rows / 3)
  const before = await productCount(base, admin)
  await sleep(1000)
  const watcher = await watch(pid, db)
  const started = Date.now()
  const { summary, parsedAt, state, imported } = await medusaProductImport({
    base, admin, csv, name: `bench-${rows}.csv`, before, products, deadline: started + MEDUSA_TIMEOUT,
  })
  const done = Date.now()
  const usage = await watcher.stop()
  const wall = (done - started) / 1000
  return {
    rows,
    products,
    summary,
    csvMB: MB(csv.length),
    status: imported >= products ? "succeeded" : `${state === "failed" || state === "reverted" ? state : "timeout"} (${imported}/${products} products)`,
    imported,
    wall,
    untilConfirm: (parsedAt - started) / 1000,
    rowsPerSecond: (imported * 3) / wall,
    productsPerSecond: imported / wall,
    ...usage,
  }
}

// ── Report ──

const n = (v, d = 0) => (v === null || v === undefined || Number.isNaN(v) ? "–" : v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }))
const pad = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ")

function report(maart, medusa) {
  const base10k = maart.find((r) => r.rows === 10000) ?? maart[0]
  console.log(`\nMaart: Letzshop feed → staging (POST /admin/marketplace/imports as the vendor's owner, fr, TSV, ${COLUMNS.length} columns, 3 variants per item_group_id)`)
  const W = [10, 8, 12, 8, 8, 8, 11, 9, 10, 13, 7, 6, 8, 8, 7]
  console.log(pad(["rows", "feed MB", "status", "wall s", "job s", "rows/s", "RSS before", "RSS peak", "RSS after", `peak − ${n(base10k?.rows)}`,
    "node s", "pg s", "bench s", "other s", "pg busy"], W))
  for (const r of maart) {
    console.log(pad([n(r.rows), n(r.feedMB, 1), r.status, n(r.wall, 1), n(r.jobSeconds, 1), n(r.rowsPerSecond), `${n(MB(r.rssBefore))} MB`,
      `${n(MB(r.peak))} MB`, `${n(MB(r.rssAfter))} MB`, `${r.peak - base10k.peak >= 0 ? "+" : ""}${n(MB(r.peak - base10k.peak))} MB`,
      n(r.serverCpu, 1), n(r.dbCpu, 1), n(r.benchCpu, 1), n(r.otherCpu, 1), `${n(r.dbBusy * 100)} %`], W))
  }
  for (const r of maart) {
    if (r.error || r.rowsImported !== r.rows) {
      console.log(`  ${n(r.rows)}: rows done ${n(r.rowsDone)}, imported ${n(r.rowsImported)}, rejected ${n(r.rowsRejected)}${r.error ? ` — ${r.error}` : ""}`)
    }
  }
  console.log("wall s: POST → the job's finished_at; job s: started_at → finished_at; RSS: the Medusa server process (VmHWM reset before each import);")
  console.log("node s / pg s / bench s / other s: CPU seconds during the import of the server process / its PostgreSQL backends / this bench (feed")
  console.log("generation) / everything else on the machine (contention); pg busy: share of 200 ms samples with a statement running.")
  if (medusa) {
    console.log(`\nMedusa: its admin product import of the same first ${n(medusa.rows)} rows (${n(medusa.products)} products × 3 variants, CSV ${n(medusa.csvMB, 1)} MB, ` +
      "as the platform admin, on a fresh server and database)")
    const M = [10, 12, 8, 12, 8, 11, 11, 9, 10, 13, 7, 6, 8, 8, 7]
    console.log(pad(["rows", "status", "wall s", "until conf s", "rows/s", "products/s", "RSS before", "RSS peak", "RSS after", "peak − before",
      "node s", "pg s", "bench s", "other s", "pg busy"], M))
    console.log(pad([n(medusa.rows), medusa.status, n(medusa.wall, 1), n(medusa.untilConfirm, 1), n(medusa.rowsPerSecond, 1), n(medusa.productsPerSecond, 1),
      `${n(MB(medusa.rssBefore))} MB`, `${n(MB(medusa.peak))} MB`, `${n(MB(medusa.rssAfter))} MB`, `+${n(MB(medusa.peak - medusa.rssBefore))} MB`,
      n(medusa.serverCpu, 1), n(medusa.dbCpu, 1),
      n(medusa.benchCpu, 1), n(medusa.otherCpu, 1), `${n(medusa.dbBusy * 100)} %`], M))
    console.log("wall s: upload start → all products listed by GET /admin/products; until conf s: upload + parse (POST /admin/products/imports) before confirming.")
    const same = maart.find((r) => r.rows === medusa.rows)
    if (same) {
      console.log(`\nratio at ${n(medusa.rows)} rows, Maart / Medusa: ${n(same.rowsPerSecond / medusa.rowsPerSecond, 1)}× the rows/s, ` +
        `${n(same.peak / medusa.peak, 2)}× the peak RSS (Maart stages the rows; Medusa creates products, variants, prices and inventory items)`)
    }
  }
  const big = maart.find((r) => r.rows === 1000000)
  if (big) {
    console.log(`goal ≥ 50,000 rows/s at 1M rows: ${n(big.rowsPerSecond)} rows/s — ${big.rowsPerSecond >= 50000 && big.status === "succeeded" ? "met" : "NOT met"}`)
    const grow = MB(big.peak - base10k.peak)
    console.log(`goal peak RSS at 1M ≤ 10k run's peak + 200 MB: ${grow >= 0 ? "+" : ""}${n(grow)} MB — ${grow <= 200 ? "met" : "NOT met"}`)
  }
  for (const r of [...maart, ...(medusa ? [medusa] : [])]) {
    console.log(`\nbusiest statements, ${r === medusa ? "Medusa" : "Maart"} ${n(r.rows)} rows (share of samples, [wait event or CPU]):`)
    for (const s of r.topStatements) console.log(`  ${n(s.share * 100).padStart(3)} %  ${s.q}`)
  }
}

/** Maart on a fresh database and process: the server, its PID and a client on its database. */
async function boot() {
  const started = Date.now()
  const server = await startMaart({ port: PORT })
  const db = new pg.Client({ connectionString: DATABASE_URL })
  await db.connect()
  const pid = serverPid(PORT)
  const admin = await login(server.base, ADMIN.email, ADMIN.password)
  const { rows: settings } = await db.query(
    "SELECT name, setting, unit FROM pg_settings WHERE name IN ('autovacuum', 'shared_buffers', 'max_wal_size', 'synchronous_commit') ORDER BY name"
  )
  const pgSettings = settings.map((r) => `${r.name} ${r.unit === "8kB" ? `${(r.setting * 8) / 1024} MB` : r.unit === "MB" ? `${r.setting} MB` : r.setting}`)
  console.log(`Maart is up (server pid ${pid}, ${((Date.now() - started) / 1000).toFixed(0)} s); load average ` +
    `${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}; PostgreSQL ${pgSettings.join(", ")}`)
  return { ...server, db, pid, admin }
}

async function main() {
  // The feeds come from this process, on loopback: let the server fetch them (off by default, against SSRF).
  process.env.MARKETPLACE_FEED_ALLOW_PRIVATE ??= "true"
  const feeds = await startFeedServer()
  const maart = []
  let medusa = null
  let server = null
  const shutdown = async () => {
    await server?.db.end()
    await server?.stop()
    server = null
  }
  try {
    server = await boot()
    for (const rows of SIZES) {
      const r = await maartImport({ ...server, feeds, rows })
      console.log(`maart ${n(rows)} rows: ${r.status} in ${n(r.wall, 1)} s, ${n(r.rowsPerSecond)} rows/s, peak RSS ${n(MB(r.peak))} MB`)
      maart.push(r)
    }
    if (MEDUSA_ROWS > 0) {
      // A fresh server, as the 10k feed had: what the feeds left on the heap is not Medusa's import's.
      await shutdown()
      server = await boot()
      medusa = await medusaImport({ ...server, rows: MEDUSA_ROWS })
      console.log(`medusa ${n(MEDUSA_ROWS)} rows: ${medusa.status} in ${n(medusa.wall, 1)} s, ${n(medusa.rowsPerSecond, 1)} rows/s, peak RSS ${n(MB(medusa.peak))} MB`)
    }
    report(maart, medusa)
  } finally {
    feeds.closeAllConnections()
    feeds.close()
    await shutdown()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
