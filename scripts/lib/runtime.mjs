// Facts every Maart script shares: where things live and the environment children get.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import dotenv from "dotenv"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const STATE_DIR = path.join(ROOT, ".maart")
export const MEDUSA_BIN = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")
export const EMBEDDED_PG_PORT = Number(process.env.MAART_PG_PORT || 54329)

/** Loads .env (when present) without overriding variables already set. */
export function loadDotEnv(file = path.join(ROOT, ".env")) {
  dotenv.config({ path: file, quiet: true })
}

/** A JSON file in .maart/ created once by `make()` and reused on every later start. */
export function persisted(name, make) {
  fs.mkdirSync(STATE_DIR, { recursive: true })
  const file = path.join(STATE_DIR, name)
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  }
  const value = make()
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 })
  return value
}

export const randomSecret = () => crypto.randomBytes(32).toString("base64url")

/** The JWT/cookie secrets and demo logins of a checkout, made once in .maart/ (`npm start`, `npm run cluster`). */
export function launcherCredentials() {
  return {
    secrets: persisted("secrets.json", () => ({ jwt: randomSecret(), cookie: randomSecret() })),
    demo: persisted("demo-credentials.json", () => ({
      email: "admin@maart.localhost",
      password: randomSecret().slice(0, 16),
      vendor_password: randomSecret().slice(0, 16),
    })),
  }
}
