// `medusa build`, redone only when what it compiles changed (`npm start`, `npm run cluster`).
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { runMedusa } from "./medusa.mjs"
import { ROOT } from "./runtime.mjs"

export const SERVER_DIR = path.join(ROOT, ".medusa", "server")
const BUILD_STAMP = path.join(SERVER_DIR, ".maart-build-hash")

/** A hash of everything `medusa build` compiles. */
export function sourceHash() {
  const hash = crypto.createHash("sha256")
  const walk = (p) => {
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name))
    } else {
      hash.update(path.relative(ROOT, p)).update(fs.readFileSync(p))
    }
  }
  for (const p of ["src", "medusa-config.ts", "tsconfig.json", "package.json"]) {
    if (fs.existsSync(path.join(ROOT, p))) walk(path.join(ROOT, p))
  }
  return hash.digest("hex")
}

/** Builds the server and the admin into .medusa/server unless the last build was of the same sources. */
export async function buildServer(env, log = () => {}) {
  const hash = sourceHash()
  if (fs.existsSync(BUILD_STAMP) && fs.readFileSync(BUILD_STAMP, "utf8") === hash) {
    log("build is up to date")
    return false
  }
  log("building the server and the admin dashboard (medusa build)…")
  const started = Date.now()
  await runMedusa(["build"], { env, label: "medusa build" })
  fs.writeFileSync(BUILD_STAMP, hash)
  log(`build done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return true
}
