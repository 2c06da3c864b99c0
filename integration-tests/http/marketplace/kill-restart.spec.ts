/**
 * @maart-serial starts and kills Medusa processes of its own, on Redis.
 */
import type { ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import Redis from "ioredis"
import pg from "pg"
import { scratchDatabase } from "../../helpers/database"
import { useFeedServer } from "../../helpers/feed-server"

/**
 * Issue 5 §4 for real: a Maart server process is killed with SIGKILL (its whole process group) in the
 * middle of an import, started again on the same database, and the job converges by itself — no fake
 * stale job, no in-process shortcut. The servers are `medusa start` on the sources, on this suite's own
 * database, through the same scripts/lib helpers as `npm start`: once single-process (in-memory workflow
 * engine), once on Redis as production runs (the dead process's workflow state and queues left in Redis).
 */

jest.setTimeout(240 * 1000)

// swc compiles import() to require(), which cannot load the launcher's ES modules: keep a real import.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<any>
const SCRIPTS = path.resolve(__dirname, "../../../scripts/lib")

const ROWS = 20_000
const WARN_EVERY = 100 // rows with an unknown availability: warnings, the row is still imported
const STALE_SECONDS = 20 // well above a batch on a loaded machine: a live job taken for dead would run twice (run 3)
const DONE = ["succeeded", "partially_succeeded", "failed", "cancelled"]
const PLATFORM = { email: "platform@kill9.test", password: "platform-secret-1" }
// Database 11 of the tests' Redis, this suite's own: emptied before and after, so no queue of another run is picked up.
const REDIS_URL = Object.assign(new URL(process.env.MAART_TEST_REDIS_URL || "redis://127.0.0.1:6379"), { pathname: "/11" }).toString()
const HEADER = "id\ttitle\tdescription\tavailability\tprice\tbrand\tgtin\titem_group_id\tcolor\tsize"
// Rows of ~150 bytes: 20k of them are 3 MB, well past the reader's first MiB (read before any row).
const DESCRIPTION = "Coton bio certifié, imprimé à la main à Luxembourg-Ville, lavable à 30 °C."
const ROW_LINES = Array.from({ length: ROWS }, (_, i) => {
  const availability = i % WARN_EVERY === WARN_EVERY - 1 ? "sometimes" : "in stock"
  return `K9-${String(i).padStart(6, "0")}\tArticle ${i}\t${DESCRIPTION} Modèle ${i}.\t${availability}\t${(i % 90) + 10},00 EUR\tMoien\t\t\t\t`
})
const FEED = Buffer.from([HEADER, ...ROW_LINES].join("\n") + "\n")
const WARNINGS = ROWS / WARN_EVERY

const feedServer = useFeedServer()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const { url: DATABASE_URL } = scratchDatabase("maart_kill9")

type Server = { child: ChildProcess; output: () => string }
const servers: Server[] = []
let lib: { medusa: any; postgres: any }
let sql: pg.Client | undefined
let base = ""
let port = 0

/** The server's environment: development on the sources, Redis only when given, fast resume. */
function serverEnv(redisUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    LOG_LEVEL: "info", // not every request: what failure messages show is the server's own story
    DATABASE_URL,
    PORT: String(port),
    JWT_SECRET: "kill9-jwt-secret",
    COOKIE_SECRET: "kill9-cookie-secret",
    ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MAART_ADMIN_EMAIL: PLATFORM.email,
    MAART_ADMIN_PASSWORD: PLATFORM.password,
    MARKETPLACE_FEED_ALLOW_PRIVATE: "true",
    MARKETPLACE_IMPORT_STALE_SECONDS: String(STALE_SECONDS),
  }
  for (const name of ["REDIS_URL", "MEDUSA_WORKER_MODE", "NODE_OPTIONS", "JEST_WORKER_ID", "TEST_TYPE", "MAART_DEMO_VENDOR_PASSWORD"]) {
    delete env[name]
  }
  if (redisUrl) {
    env.REDIS_URL = redisUrl
  }
  return env
}

async function startServer(redisUrl?: string): Promise<Server> {
  const child: ChildProcess = lib.medusa.spawnMedusa(["start"], { env: serverEnv(redisUrl), stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  child.stdout!.on("data", (d) => (output += d))
  child.stderr!.on("data", (d) => (output += d))
  const server = { child, output: () => output }
  servers.push(server)
  const ready = await lib.medusa.waitForReady(`${base}/health/ready`, { timeoutMs: 120_000, gaveUp: () => child.exitCode !== null })
  if (!ready) {
    throw new Error(`Maart did not become ready on ${base} (exit ${child.exitCode}):\n${output.slice(-3000)}`)
  }
  return server
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function http(method: string, url: string, body?: object, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data: any = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data).slice(0, 500)}`)
  }
  return data
}

async function login({ email, password }: { email: string; password: string }) {
  const { token } = await http("POST", "/auth/user/emailpass", { email, password })
  return { authorization: `Bearer ${token}` }
}

/** Polls the job until `done(job)`; fails with the job and the server's last output when it does not come. */
async function waitForJob(id: string, owner: Record<string, string>, done: (job: any) => boolean, what: string, timeoutMs: number, server: Server) {
  const deadline = Date.now() + timeoutMs
  let job: any
  while (Date.now() < deadline) {
    job = (await http("GET", `/admin/marketplace/imports/${id}`, undefined, owner)).import_job
    if (done(job)) {
      return job
    }
    await sleep(250)
  }
  throw new Error(`no ${what} within ${timeoutMs / 1000} s; the job: ${JSON.stringify(job)}\nserver output:\n${server.output().slice(-3000)}`)
}

/** Kill every server still running, even when jest itself is on its way out. */
function killAll() {
  for (const { child } of servers) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // gone already
      }
    }
  }
}

beforeAll(async () => {
  process.once("exit", killAll)
  lib = { medusa: await importEsm(path.join(SCRIPTS, "medusa.mjs")), postgres: await importEsm(path.join(SCRIPTS, "postgres.mjs")) }
  port = await freePort()
  base = `http://localhost:${port}`
  await lib.postgres.ensureDatabase(DATABASE_URL)
  // Migrations and the seed's platform admin, as `npm start` prepares a database.
  await lib.medusa.migrateAndSeed(serverEnv())
  sql = new pg.Client({ connectionString: DATABASE_URL })
  await sql.connect()
})

// Each test leaves no server behind: the next one starts its own on the same port and database.
afterEach(async () => {
  for (const { child } of servers.splice(0)) {
    await lib.medusa.stopMedusa(child, { signal: "SIGKILL" })
  }
})

afterAll(async () => {
  process.removeListener("exit", killAll)
  await sql?.end()
  await lib?.postgres.dropDatabase(DATABASE_URL)
})

async function flushRedis(url: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    await redis.flushdb()
  } finally {
    redis.disconnect()
  }
}

describe("without Redis (one process)", () => {
  it("an import whose server is killed with SIGKILL mid-way is run again by the restarted server and converges with 0 duplicates", async () => {
    await killMidImportAndRestart("kill9-solo")
  })
})

describe("with Redis (workflow engine, event bus, locking, cache)", () => {
  let available = false
  beforeAll(async () => {
    available = await flushRedis(REDIS_URL).then(() => true, () => false)
    if (!available && process.env.MAART_REQUIRE_REDIS) {
      throw new Error(`Redis is required (MAART_REQUIRE_REDIS) but ${REDIS_URL} does not answer`)
    }
  })
  afterAll(async () => {
    // The killed server's queues and schedules stay in Redis otherwise.
    if (available) await flushRedis(REDIS_URL)
  })

  it("the same, with the killed server's work also left in Redis", async () => {
    if (!available) {
      return console.warn(`skipped: no Redis at ${REDIS_URL}`)
    }
    await killMidImportAndRestart("kill9-redis", REDIS_URL)
  })
})

/**
 * As a vendor owner: starts an import that stops mid-way, SIGKILLs the server's process group, starts
 * a server again on the same database and waits for the job to end by itself; then checks what it left.
 */
async function killMidImportAndRestart(handle: string, redisUrl?: string) {
  let server = await startServer(redisUrl)
  const platform = await login(PLATFORM)
  const ownerLogin = { email: `owner@${handle}.test`, password: "owner-secret-1" }
  const { vendor } = await http("POST", "/admin/vendors", { handle, name: handle, default_language: "fr", owner: ownerLogin }, platform)
  const owner = await login(ownerLogin)
  const feedPath = `/${handle}.tsv`

  // The first download sends half the file, then nothing for half a minute: the job is deterministically
  // mid-way — batches staged, progress written, the rest not yet read — when the server dies.
  feedServer.feeds.set(feedPath, { body: FEED, chunkBytes: Math.ceil(FEED.length / 2), chunkDelayMs: 30_000 })
  const started = await http("POST", "/admin/marketplace/imports", { language: "fr", url: feedServer.url(feedPath) }, owner)
  const id = started.import_job.id
  const midway = await waitForJob(id, owner, (j) => j.status === "running" && j.rows_done > 0, "progress", 60_000, server)
  expect(midway.rows_done).toBeLessThan(ROWS)
  expect(midway.run).toBe(1)

  await lib.medusa.stopMedusa(server.child, { signal: "SIGKILL" })
  expect(server.child.signalCode).toBe("SIGKILL")
  const killedAt = Date.now()
  const { rows: [atKill] } = await sql!.query(
    `SELECT (SELECT count(*)::int FROM staged_product WHERE vendor_id = $1) AS staged,
            (SELECT status FROM import_job WHERE id = $2) AS status,
            (SELECT count(*)::int FROM import_row_error WHERE job_id = $2) AS row_errors`,
    [vendor.id, id]
  )
  // As kill -9 leaves it: still "running", part of the feed staged, the row errors of that part recorded.
  expect(atKill.status).toBe("running")
  expect(atKill.staged).toBeGreaterThan(0)
  expect(atKill.staged).toBeLessThan(ROWS)
  expect(atKill.row_errors).toBeGreaterThan(0)

  // From now on the feed answers at once; the restarted server must find the job by itself.
  feedServer.feeds.set(feedPath, { body: FEED })
  server = await startServer(redisUrl)
  const readyAt = Date.now()
  await waitForJob(id, owner, (j) => j.run > 1 || DONE.includes(j.status), "pick-up by the restarted server", 90_000, server)
  const pickedUpAt = Date.now()
  const done = await waitForJob(id, owner, (j) => DONE.includes(j.status), "end of the resumed job", 120_000, server)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(
    `[kill-restart ${handle}] killed with ${atKill.staged} of ${ROWS} rows staged; server ready again after ${s(readyAt - killedAt)}, ` +
      `job picked up ${s(pickedUpAt - killedAt)} and ended ${s(Date.now() - killedAt)} after the kill (stale after ${STALE_SECONDS} s)`
  )

  expect(server.output()).toContain(`[import ${id}] interrupted during run 1: running it again`)
  // The status with its reason first: a failure then says why.
  expect([done.status, done.error_code, done.error_message]).toEqual(["succeeded", null, null])
  expect(done).toMatchObject({ status: "succeeded", run: 2, rows_done: ROWS, rows_rejected: 0, warnings: WARNINGS, gone: 0 })
  // What the killed run staged is seen again unchanged; the rest is new.
  expect([done.rows_unchanged, done.rows_imported]).toEqual([atKill.staged, ROWS - atKill.staged])

  // 0 duplicates: one staged row per feed id, counting soft-deleted rows too.
  const { rows: [staged] } = await sql!.query(
    "SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct_ids, count(*) FILTER (WHERE deleted_at IS NULL)::int AS live FROM staged_product WHERE vendor_id = $1",
    [vendor.id]
  )
  expect(staged).toEqual({ total: ROWS, distinct_ids: ROWS, live: ROWS })

  // The row errors are the resumed run's alone: each warning line once; the killed run's are deleted.
  const { rows: [errors] } = await sql!.query(
    `SELECT count(*) FILTER (WHERE deleted_at IS NULL)::int AS live, count(DISTINCT line) FILTER (WHERE deleted_at IS NULL)::int AS lines,
            count(*) FILTER (WHERE deleted_at IS NOT NULL)::int AS deleted
       FROM import_row_error WHERE job_id = $1`,
    [id]
  )
  expect(errors).toEqual({ live: WARNINGS, lines: WARNINGS, deleted: atKill.row_errors })
  const listed = await http("GET", `/admin/marketplace/imports/${id}/errors?limit=1`, undefined, owner)
  expect(listed.count).toBe(WARNINGS)

  // A second identical import changes nothing.
  const doneAt = Date.now()
  const again = await http("POST", "/admin/marketplace/imports", { language: "fr", url: feedServer.url(feedPath) }, owner)
  const second = await waitForJob(again.import_job.id, owner, (j) => DONE.includes(j.status), "end of the second import", 120_000, server)
  expect(second).toMatchObject({ status: "succeeded", run: 1, rows_done: ROWS, rows_imported: 0, rows_unchanged: ROWS, gone: 0 })

  // Nothing claims the ended job again: it stays as it was after a look for dead jobs has come and gone.
  await sleep(Math.max(0, doneAt + (STALE_SECONDS / 2 + 1) * 1000 - Date.now()))
  const after = (await http("GET", `/admin/marketplace/imports/${id}`, undefined, owner)).import_job
  expect([after.status, after.run, after.finished_at]).toEqual(["succeeded", 2, done.finished_at])
}
