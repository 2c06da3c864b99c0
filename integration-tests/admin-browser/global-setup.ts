import type { ChildProcess } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { scratchDatabase } from "../helpers/database"

/**
 * One real Maart with its admin dashboard for the whole admin browser suite, on a loopback port:
 *   - a fresh database, migrated and seeded as `npm start` seeds it (the demo shops lumiere and velo, their
 *     Owners, and staff@maart.localhost: Editor at lumiere, Viewer at velo);
 *   - the production build (`medusa build`: server and admin) — made here unless MAART_ADMIN_BUILD=reuse says
 *     the caller built it already (`npm test` builds once, in its build suite, before this suite);
 *   - `medusa start` from .medusa/server as `npm start` runs it (production; COOKIE_SECURE=false over http);
 *   - an SMTP server (smtp-server) writing each email Maart sends as JSON into a folder the specs read.
 * Returns the teardown: the server stopped (its process group), the SMTP server closed, the database dropped.
 */

export const PLATFORM_ADMIN = { email: "platform@admin-browser.maart.test", password: "admin-browser-platform" }
export const DEMO_PASSWORD = "admin-browser-owner"

const ROOT = path.resolve(__dirname, "../..")
const SCRIPTS = path.join(ROOT, "scripts/lib")

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Emails as files: `<n>.json` with `to`, `subject`, `text`, `html` (the specs run in another process). */
async function startMailbox(dir: string) {
  let n = 0
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData: (stream, session, cb) => {
      simpleParser(stream).then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address)
        fs.writeFileSync(path.join(dir, `${String(++n).padStart(4, "0")}.json`), JSON.stringify({ to, subject: mail.subject, text: mail.text, html: mail.html }))
        cb()
      }, cb)
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve))
  return { port: (smtp.server.address() as net.AddressInfo).port, close: () => new Promise<void>((resolve) => smtp.close(resolve)) }
}

export default async function globalSetup() {
  const medusa = await import(path.join(SCRIPTS, "medusa.mjs"))
  const postgres = await import(path.join(SCRIPTS, "postgres.mjs"))

  const { name: database, url: databaseUrl } = scratchDatabase("maart_admin_browser")
  const port = await freePort()
  const backendUrl = `http://localhost:${port}`
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "maart-admin-mail-"))
  const mailbox = await startMailbox(mailDir)

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    JWT_SECRET: "admin-browser-jwt-secret",
    COOKIE_SECRET: "admin-browser-cookie-secret",
    // Plain http: a Secure session cookie would never come back (findings.md).
    COOKIE_SECURE: "false",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MAART_PUBLIC_URL: backendUrl,
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    MAART_ADMIN_EMAIL: PLATFORM_ADMIN.email,
    MAART_ADMIN_PASSWORD: PLATFORM_ADMIN.password,
    MAART_DEMO_VENDOR_PASSWORD: DEMO_PASSWORD,
    // The marketplace spec serves its Letzshop feeds from loopback (integration-tests/helpers/feed-server.ts).
    MARKETPLACE_FEED_ALLOW_PRIVATE: "true",
  }
  // One process with in-memory queues; the test runner's variables are not the server's.
  for (const name of ["REDIS_URL", "MEDUSA_WORKER_MODE", "NODE_OPTIONS", "JEST_WORKER_ID", "TEST_TYPE", "STRIPE_API_KEY", "ADMIN_DISABLED", "MEDUSA_BACKEND_URL"]) {
    delete env[name]
  }

  const started = Date.now()
  let server: ChildProcess | undefined
  const teardown = async () => {
    if (server) await medusa.stopMedusa(server, { graceMs: 5_000 })
    await mailbox.close()
    fs.rmSync(mailDir, { recursive: true, force: true })
    await postgres.dropDatabase(databaseUrl).catch((e: Error) => console.warn(`[admin-browser] could not drop ${database}: ${e.message}`))
  }
  const kill = () => {
    try {
      if (server) process.kill(-server.pid!, "SIGKILL")
    } catch {
      // gone already
    }
  }
  process.once("exit", kill)

  try {
    await postgres.ensureDatabase(databaseUrl)
    const serverDir = path.join(ROOT, ".medusa", "server")
    const reuse = process.env.MAART_ADMIN_BUILD === "reuse" && fs.existsSync(path.join(serverDir, "public", "admin", "index.html"))
    // The database is I/O- and the build CPU-bound: side by side.
    await Promise.all([
      medusa.migrateAndSeed({ ...env, NODE_ENV: "development" }),
      reuse ? null : medusa.runMedusa(["build"], { env: { ...env, NODE_ENV: "production" }, label: "medusa build" }),
    ])
    console.log(`[admin-browser] database seeded${reuse ? " (build reused)" : " and admin built"} in ${((Date.now() - started) / 1000).toFixed(0)} s`)

    server = medusa.spawnMedusa(["start"], { cwd: serverDir, env, stdio: ["ignore", "pipe", "pipe"] }) as ChildProcess
    let output = ""
    server.stdout?.on("data", (d) => (output = (output + d).slice(-20_000)))
    server.stderr?.on("data", (d) => (output = (output + d).slice(-20_000)))
    if (!(await medusa.waitForReady(`${backendUrl}/health/ready`, { timeoutMs: 150_000, gaveUp: () => server!.exitCode !== null }))) {
      throw new Error(`Maart did not become ready on ${backendUrl} (exit ${server.exitCode}):\n${output.slice(-3000)}`)
    }
    console.log(`[admin-browser] Maart with its admin on ${backendUrl}/app, ready after ${((Date.now() - started) / 1000).toFixed(0)} s`)
  } catch (e) {
    process.removeListener("exit", kill)
    await teardown()
    throw e
  }

  Object.assign(process.env, { MAART_ADMIN_BACKEND: backendUrl, MAART_ADMIN_MAILDIR: mailDir })
  return async () => {
    process.removeListener("exit", kill)
    await teardown()
  }
}
