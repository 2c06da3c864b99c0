// Starts Maart (production build, through the launcher) on its own database and port for a benchmark.
import { spawn } from "node:child_process"
import path from "node:path"
import pg from "pg"
import { ROOT } from "../../scripts/lib/runtime.mjs"

export const ADMIN = { email: "bench-admin@maart.localhost", password: "bench-admin-pass" }
export const OWNER_PASSWORD = "bench-owner-pass"

async function recreateDatabase(url) {
  const target = new URL(url)
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  const name = target.pathname.slice(1).replace(/"/g, '""')
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await client.end()
}

/**
 * Boots Maart with demo data on BENCH_DATABASE_URL (recreated unless `fresh` is false: a second server on the
 * same data) and resolves when it is ready. `env` adds to the server's environment.
 */
export async function startMaart({ port = 9100, fresh = true, env = {} } = {}) {
  const databaseUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432/maart_bench"
  // A server left from an interrupted run would answer the readiness check on its old database: refuse instead.
  const stale = await fetch(`http://localhost:${port}/health`).then(() => true, () => false)
  if (stale) throw new Error(`port ${port} already answers: stop the server left from an earlier run (or set BENCH_PORT)`)
  if (fresh) await recreateDatabase(databaseUrl)
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/maart.mjs"), "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      MAART_ADMIN_EMAIL: ADMIN.email,
      MAART_ADMIN_PASSWORD: ADMIN.password,
      MAART_DEMO_VENDOR_PASSWORD: OWNER_PASSWORD,
      // Benches of the backend alone; bench:storefront turns it on (with its own STOREFRONT_PORT).
      MAART_STOREFRONT: "0",
      // A bench is one client at thousands of requests a minute: the Store API limits would measure 429s.
      STORE_RATE_LIMIT_PER_IP: process.env.STORE_RATE_LIMIT_PER_IP || "0",
      STORE_RATE_LIMIT_PER_KEY: process.env.STORE_RATE_LIMIT_PER_KEY || "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout.on("data", (d) => (output += d))
  child.stderr.on("data", (d) => (output += d))
  const base = `http://localhost:${port}`
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`Maart exited:\n${output.slice(-3000)}`)
    if (output.includes("Maart is running")) break
    await new Promise((r) => setTimeout(r, 500))
  }
  if (!output.includes("Maart is running")) throw new Error(`Maart did not start:\n${output.slice(-3000)}`)
  const stop = () =>
    new Promise((resolve) => {
      child.once("exit", resolve)
      child.kill("SIGINT")
    })
  return { base, stop }
}

export async function json(base, method, url, body, headers = {}) {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data).slice(0, 300)}`)
  return data
}

export async function login(base, email, password) {
  const { token } = await json(base, "POST", "/auth/user/emailpass", { email, password })
  return { authorization: `Bearer ${token}` }
}
