/**
 * @maart-serial starts three Maart processes and nginx of its own, on the shared Redis.
 */
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import Redis from "ioredis"
import pg from "pg"
import { checkoutFixtures, type Storefront } from "../../helpers/checkout"
import { scratchDatabase } from "../../helpers/database"
import { useFeedServer } from "../../helpers/feed-server"
import { anyStatus, createLamp, explainFailedRequests } from "../../helpers/platform"

/**
 * Issue 10 §1: the scale-out of docs/runbook.md for real — two `server` instances and one `worker` on one
 * PostgreSQL and one Redis behind nginx, started by the same scripts/lib/cluster.mjs as `npm run cluster`
 * (here on the sources, in development, as the kill-restart suite runs Maart).
 */
jest.setTimeout(420 * 1000)

// swc compiles import() to require(), which cannot load the launcher's ES modules: keep a real import.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<any>
const SCRIPTS = path.resolve(__dirname, "../../../scripts/lib")
const PLATFORM = { email: "platform@cluster.test", password: "platform-secret-1" }
// Database 12 of the tests' Redis, this suite's own: emptied before and after.
const REDIS_URL = Object.assign(new URL(process.env.MAART_TEST_REDIS_URL || "redis://127.0.0.1:6379"), { pathname: "/12" }).toString()
const { url: DATABASE_URL } = scratchDatabase("maart_cluster")
const TICK_SECONDS = 5
// ~1.6 MB: more than the reader's first MiB, which it reads before counting any row.
const ROWS = 20_000
const HEADER = "id\ttitle\tdescription\tavailability\tprice\tbrand\tgtin\titem_group_id\tcolor\tsize"
const feed = (prefix: string, rows: number) =>
  Buffer.from(
    [HEADER, ...Array.from({ length: rows }, (_, i) => `${prefix}-${String(i).padStart(6, "0")}\tArticle ${i}\tLin lavé, modèle ${i}.\tin stock\t${(i % 90) + 10},00 EUR\tMoien\t\t\t\t`)].join("\n") + "\n"
  )

const feedServer = useFeedServer()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let lib: { medusa: any; postgres: any; cluster: any }
let cluster: any
let sql: pg.Client
let viaProxy: AxiosInstance
let viaServer: AxiosInstance[]
let platform: { headers: Record<string, string> }
let shop: Storefront & { owner: { headers: Record<string, string> } }

async function flushRedis() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    await redis.flushdb()
  } finally {
    redis.disconnect()
  }
}

const client = (baseURL: string) => {
  const api = axios.create({ baseURL, timeout: 120_000 })
  explainFailedRequests(api)
  return api
}
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
async function login(api: AxiosInstance, { email, password }: { email: string; password: string }) {
  return bearer((await api.post("/auth/user/emailpass", { email, password })).data.token)
}
const everyOutput = () => [cluster.worker, ...cluster.servers].map((i: any) => `── ${i.name} ──\n${i.output.slice(-4000)}`).join("\n")

/** A verified shop made through the servers, with a stocked, shippable lamp. */
async function openShop(handle: string) {
  const owner = { email: `owner@${handle}.test`, password: "password-1" }
  const { vendor } = (await viaServer[0].post("/admin/vendors", { handle, name: handle, owner }, platform)).data
  await viaServer[0].post(`/admin/vendors/${vendor.id}/verify`, {}, platform)
  const ownerHeaders = await login(viaServer[1], owner)
  const {
    stores: [store],
  } = (await viaServer[0].get("/admin/stores", platform)).data
  return { vendor, ids: { stock_location: vendor.stock_locations[0].id }, headers: ownerHeaders, owner: ownerHeaders, key: { headers: { "x-publishable-api-key": vendor.api_key.token } }, region: store.default_region_id } as any
}

async function stockedLamp(title: string, stock: number) {
  const product = await createLamp(viaServer[0], shop.owner, title, true)
  const {
    shipping_profiles: [profile],
  } = (await viaServer[0].get("/admin/shipping-profiles?type=default", platform)).data
  await viaServer[0].post(`/admin/products/${product.id}`, { shipping_profile_id: profile.id }, shop.owner)
  const { variant } = (await viaServer[1].get(`/admin/products/${product.id}/variants/${product.variants[0].id}?fields=*inventory_items`, shop.owner)).data
  const itemId = variant.inventory_items[0].inventory_item_id
  await viaServer[1].post(`/admin/inventory-items/${itemId}/location-levels/${shop.ids.stock_location}`, { stocked_quantity: stock }, shop.owner)
  return { product, variant: product.variants[0], itemId }
}

beforeAll(async () => {
  lib = {
    medusa: await importEsm(path.join(SCRIPTS, "medusa.mjs")),
    postgres: await importEsm(path.join(SCRIPTS, "postgres.mjs")),
    cluster: await importEsm(path.join(SCRIPTS, "cluster.mjs")),
  }
  await flushRedis()
  await lib.postgres.ensureDatabase(DATABASE_URL)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    LOG_LEVEL: "info",
    DATABASE_URL,
    REDIS_URL,
    JWT_SECRET: "cluster-jwt-secret",
    COOKIE_SECRET: "cluster-cookie-secret",
    COOKIE_SECURE: "false",
    ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MAART_ADMIN_EMAIL: PLATFORM.email,
    MAART_ADMIN_PASSWORD: PLATFORM.password,
    MARKETPLACE_FEED_ALLOW_PRIVATE: "true",
    // The scheduled re-import every few seconds, so a test sees several ticks.
    MARKETPLACE_REIMPORT_CRON: `*/${TICK_SECONDS} * * * * *`,
  }
  for (const name of ["MEDUSA_WORKER_MODE", "NODE_OPTIONS", "JEST_WORKER_ID", "TEST_TYPE", "MAART_DEMO_VENDOR_PASSWORD", "S3_BUCKET"]) {
    delete env[name]
  }
  await lib.medusa.migrateAndSeed(env)
  const [proxyPort, workerPort, ...serverPorts] = await Promise.all([0, 1, 2, 3].map(() => lib.cluster.freePort()))
  cluster = await lib.cluster.startCluster({
    env,
    cwd: path.resolve(__dirname, "../../.."),
    dir: path.join(path.resolve(__dirname, "../../.."), ".maart", `cluster-test-${process.pid}`),
    proxyPort,
    serverPorts,
    workerPort,
    stdio: "pipe",
  })
  viaProxy = client(cluster.proxyUrl)
  viaServer = cluster.servers.map((s: any) => client(s.url))
  platform = await login(viaServer[0], PLATFORM)
  shop = await openShop("clustera")
  sql = new pg.Client({ connectionString: DATABASE_URL })
  await sql.connect()
})

afterAll(async () => {
  await cluster?.stop()
  await sql?.end()
  await flushRedis().catch(() => undefined)
  await lib?.postgres.dropDatabase(DATABASE_URL)
})

describe("two servers and a worker behind nginx, on one PostgreSQL and one Redis", () => {
  it("shows a product created through server 1 through server 2 and through nginx", async () => {
    const product = await createLamp(viaServer[0], shop.owner, "cluster lamp one", false)
    const two = await viaServer[1].get(`/admin/products/${product.id}`, shop.owner)
    expect(two.data.product.title).toBe("cluster lamp one")
    const { data } = await viaProxy.get(`/store/products?handle=${product.handle}`, shop.key)
    expect(data.products.map((p: { id: string }) => p.id)).toEqual([product.id])
  })

  it("keeps an admin session made on server 1 on server 2 and through nginx (sessions in Redis)", async () => {
    const token = (await viaServer[0].post("/auth/user/emailpass", PLATFORM)).data.token
    const session = await viaServer[0].post("/auth/session", {}, bearer(token))
    const cookie = session.headers["set-cookie"]!.map((c: string) => c.split(";")[0]).join("; ")
    for (const api of [viaServer[1], viaProxy]) {
      const me = await api.get("/admin/users/me", { headers: { cookie } })
      expect(me.data.user.email).toBe(PLATFORM.email)
    }
    await viaServer[1].delete("/auth/session", { headers: { cookie } })
    expect((await viaServer[0].get("/admin/users/me", { headers: { cookie }, ...anyStatus })).status).toBe(401)
  })

  it("makes exactly one order of a cart completed on both servers at once, and runs its subscriber once, on the worker", async () => {
    const { variant, itemId } = await stockedLamp("cluster last lamp", 1)
    const { readyCart } = checkoutFixtures(viaServer[0], () => {
      throw new Error("the cluster test has no in-process container")
    })
    const cart = await readyCart(shop, [{ variant_id: variant.id, quantity: 1 }])
    const results = await Promise.all(viaServer.map((api) => api.post(`/store/carts/${cart.id}/complete`, {}, { ...shop.key, ...anyStatus })))
    expect(results.map((r) => [r.status, r.data.type])).toEqual([
      [200, "order"],
      [200, "order"],
    ])
    expect(results[1].data.order.id).toBe(results[0].data.order.id)
    const orders = await sql.query(`SELECT order_id FROM order_cart WHERE cart_id = $1 AND deleted_at IS NULL`, [cart.id])
    expect(orders.rows).toHaveLength(1)
    const level = await sql.query(`SELECT reserved_quantity FROM inventory_level WHERE inventory_item_id = $1`, [itemId])
    expect(Number(level.rows[0].reserved_quantity)).toBe(1)

    // order.placed is consumed once, by the worker: its notifications (customer + shop) exist once each.
    const deadline = Date.now() + 60_000
    let sent: { to: string; template: string }[] = []
    while (Date.now() < deadline) {
      sent = (await sql.query(`SELECT "to", template FROM notification WHERE resource_id = $1 OR data->>'order_id' = $1 ORDER BY template`, [results[0].data.order.id])).rows
      if (sent.length >= 2) break
      await sleep(500)
    }
    await sleep(3_000) // a second consumer would have run by now
    const processed = (output: string) => (output.match(/Processing order\.placed/g) ?? []).length
    expect([processed(cluster.worker.output), ...cluster.servers.map((s: any) => processed(s.output))]).toEqual([1, 0, 0])
    expect((await sql.query(`SELECT "to", template FROM notification WHERE resource_id = $1 OR data->>'order_id' = $1 ORDER BY template`, [results[0].data.order.id])).rows).toEqual(sent)
    expect(sent.map((n) => n.template).sort()).toEqual(["order-confirmation", "vendor-order-notice"])
  })

  it("runs an import started through server 1 on the worker, through a restart of server 1", async () => {
    feedServer.feeds.set("/cluster-fr.tsv", { body: feed("CL", ROWS), chunkDelayMs: 400, chunkBytes: 64 * 1024 })
    const started = await viaServer[0].post("/admin/marketplace/imports", { language: "fr", url: feedServer.url("/cluster-fr.tsv") }, shop.owner)
    const id = started.data.import_job.id
    const job = async () => (await viaServer[1].get(`/admin/marketplace/imports/${id}`, shop.owner)).data.import_job
    // Under way, then server 1 goes down (as in a crash or a deploy) while it runs.
    let deadline = Date.now() + 60_000
    while ((await job()).status !== "running" && Date.now() < deadline) await sleep(200)
    await cluster.stopServer(0, "SIGKILL")
    try {
      const atKill = await job()
      expect([atKill.status, atKill.rows_done < ROWS]).toEqual(["running", true])
      // It goes on without server 1.
      deadline = Date.now() + 60_000
      while ((await job()).rows_done <= atKill.rows_done && Date.now() < deadline) await sleep(300)
      expect((await job()).rows_done).toBeGreaterThan(atKill.rows_done)
      // nginx sends everyone to server 2 meanwhile.
      expect((await viaProxy.get(`/admin/marketplace/imports/${id}`, shop.owner)).data.import_job.id).toBe(id)
    } finally {
      await cluster.restartServer(0)
      viaServer[0] = client(cluster.servers[0].url)
    }
    deadline = Date.now() + 180_000
    let last = await job()
    while (!["succeeded", "partially_succeeded", "failed", "cancelled"].includes(last.status) && Date.now() < deadline) {
      await sleep(500)
      last = await job()
    }
    expect([last.status, last.rows_done, last.rows_imported, last.run]).toEqual(["succeeded", ROWS, ROWS, 1])
    const staged = await sql.query(`SELECT count(*)::int AS n FROM staged_product WHERE vendor_id = $1 AND deleted_at IS NULL`, [shop.vendor.id])
    expect(staged.rows[0].n).toBe(ROWS)
    // It was started by its created event, which only the worker consumes.
    const started_ = (output: string) => (output.match(/Processing marketplace\.import_job\.created/g) ?? []).length
    expect([started_(cluster.worker.output), ...cluster.servers.map((s: any) => started_(s.output))]).toEqual([1, 0, 0])
  })

  it("runs a scheduled job once per tick, whatever the number of instances", async () => {
    feedServer.feeds.set("/tick-fr.tsv", { body: feed("TK", 5) })
    const other = await openShop("clusterb")
    await viaProxy.post("/admin/marketplace/feed-config", { urls: { fr: feedServer.url("/tick-fr.tsv") }, schedule_enabled: true }, other.owner)
    await sleep((TICK_SECONDS * 4 + 2) * 1000)
    await viaProxy.post("/admin/marketplace/feed-config", { schedule_enabled: false }, other.owner)
    const { rows } = await sql.query(
      `SELECT floor(extract(epoch FROM created_at) / $2)::bigint AS tick, count(*)::int AS jobs
         FROM import_job WHERE vendor_id = $1 AND triggered_by = 'schedule' GROUP BY 1 ORDER BY 1`,
      [other.vendor.id, TICK_SECONDS]
    )
    if (rows.length < 3) {
      throw new Error(`only ${rows.length} ticks in ${TICK_SECONDS * 4 + 2} s:\n${everyOutput()}`)
    }
    expect(rows.every((r) => r.jobs === 1)).toBe(true)
  })
})
