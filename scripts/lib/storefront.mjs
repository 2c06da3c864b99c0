// The storefront (storefront/, React Router 7) as the launcher, the browser tests and bench:storefront run it:
// built when its sources changed since the last build, then served by storefront/server.mjs as its own process
// group (stopped with scripts/lib/medusa.mjs's stopMedusa, which signals the group).
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ROOT } from "./runtime.mjs"

export const STOREFRONT_DIR = path.join(ROOT, "storefront")
const BUILD_DIR = path.join(STOREFRONT_DIR, "build")
const SERVER_ENTRY = path.join(BUILD_DIR, "server", "index.js")
const BUILD_STAMP = path.join(BUILD_DIR, ".maart-build-hash")
// What `react-router build` reads; node_modules and the build itself are not part of it.
const SOURCES = ["app", "public", "package.json", "react-router.config.ts", "vite.config.ts", "tsconfig.json"]

function bin(name) {
  for (const dir of [path.join(STOREFRONT_DIR, "node_modules", ".bin"), path.join(ROOT, "node_modules", ".bin")]) {
    if (fs.existsSync(path.join(dir, name))) return path.join(dir, name)
  }
  throw new Error(`${name} is not installed: run npm install at the root (storefront/ is a workspace)`)
}

/** A hash of the storefront's sources: a build is redone only when it changed. */
export function storefrontHash() {
  const hash = crypto.createHash("sha256")
  const walk = (p) => {
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        // react-router typegen writes here; it is output, not input.
        if (name !== ".react-router" && name !== "node_modules") walk(path.join(p, name))
      }
    } else {
      hash.update(path.relative(STOREFRONT_DIR, p)).update(fs.readFileSync(p))
    }
  }
  for (const p of SOURCES) {
    if (fs.existsSync(path.join(STOREFRONT_DIR, p))) walk(path.join(STOREFRONT_DIR, p))
  }
  return hash.digest("hex")
}

/**
 * `react-router build` unless the build on disk was made from the same sources. Resolves with true when it
 * built, false when the build was up to date; on failure prints the build's output and rejects.
 */
export async function buildStorefront({ force = false } = {}) {
  const hash = storefrontHash()
  if (!force && fs.existsSync(SERVER_ENTRY) && fs.existsSync(BUILD_STAMP) && fs.readFileSync(BUILD_STAMP, "utf8") === hash) {
    return false
  }
  await new Promise((resolve, reject) => {
    const child = spawn(bin("react-router"), ["build"], {
      cwd: STOREFRONT_DIR,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const output = []
    child.stdout.on("data", (d) => output.push(d))
    child.stderr.on("data", (d) => output.push(d))
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) return resolve()
      process.stderr.write(Buffer.concat(output))
      reject(new Error(`storefront build failed (exit ${code})`))
    })
  })
  fs.writeFileSync(BUILD_STAMP, hash)
  return true
}

/**
 * A private copy of the current build under storefront/.serve/<name> (git-ignored; inside storefront/ so the
 * server build still finds storefront/node_modules): a rebuild of storefront/build while a server runs — a
 * developer's, another `npm start`'s — would swap the client assets under it. Resolves with its server entry
 * and a function that deletes the copy.
 */
export function snapshotBuild(name) {
  const dir = path.join(STOREFRONT_DIR, ".serve", name)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.cpSync(BUILD_DIR, dir, { recursive: true })
  return { serverEntry: path.join(dir, "server", "index.js"), remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Starts the built storefront (storefront/server.mjs: react-router-serve's setup plus the shopper's address for
 * the loaders) on `port`, talking to the backend at `backendUrl`, as the leader of a new process group. `env` adds
 * to (and overrides) the storefront's environment; `serverEntry` serves another copy of the build (snapshotBuild).
 */
export function spawnStorefront({ port, backendUrl, env = {}, stdio = "inherit", serverEntry = SERVER_ENTRY }) {
  return spawn(process.execPath, [path.join(STOREFRONT_DIR, "server.mjs"), serverEntry], {
    cwd: STOREFRONT_DIR,
    // `env` may carry the backend's own PORT: the storefront's port and backend URL come last.
    env: { ...process.env, NODE_ENV: "production", ...env, PORT: String(port), MEDUSA_BACKEND_URL: backendUrl },
    stdio,
    detached: true,
  })
}

export const PLATFORM_KEY_TITLE = "Maart storefront"

/**
 * The platform's publishable key the storefront finds shops with (MEDUSA_PUBLISHABLE_KEY; `/store/vendors/resolve`
 * takes any key, and a key of no shop scopes nothing): the one titled PLATFORM_KEY_TITLE, created on first use.
 * `adminToken` is a platform admin's bearer token.
 */
export async function ensurePlatformKey(backendUrl, adminToken) {
  const call = async (method, url, body) => {
    const res = await fetch(backendUrl + url, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = await res.json().catch(() => ({}))
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data).slice(0, 300)}`)
    return data
  }
  const { api_keys } = await call("GET", "/admin/api-keys?type=publishable&limit=200&fields=id,title,token,revoked_at")
  const existing = api_keys.find((k) => k.title === PLATFORM_KEY_TITLE && !k.revoked_at)
  if (existing) return existing.token
  const { api_key } = await call("POST", "/admin/api-keys", { title: PLATFORM_KEY_TITLE, type: "publishable" })
  return api_key.token
}

/** A platform admin's bearer token (email/password login). */
export async function adminToken(backendUrl, email, password) {
  const res = await fetch(`${backendUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok || !data.token) throw new Error(`admin login as ${email} → ${res.status} ${JSON.stringify(data).slice(0, 200)}`)
  return data.token
}

/** `react-router dev` (Vite, reloads on change) on `port`, for `npm run dev`. */
export function spawnStorefrontDev({ port, backendUrl, env = {}, stdio = "inherit" }) {
  return spawn(bin("react-router"), ["dev", "--port", String(port), "--strictPort"], {
    cwd: STOREFRONT_DIR,
    env: { ...process.env, ...env, MEDUSA_BACKEND_URL: backendUrl, PORT: String(port) },
    stdio,
    detached: true,
  })
}
