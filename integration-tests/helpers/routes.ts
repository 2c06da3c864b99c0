import fs from "node:fs"
import path from "node:path"

export type RegisteredRoute = { method: string; route: string; source: "medusa" | "maart" }

const ROOT = path.resolve(__dirname, "../..")
const SOURCES: { dir: string; file: RegExp; source: RegisteredRoute["source"] }[] = [
  { dir: path.join(ROOT, "node_modules/@medusajs/medusa/dist/api"), file: /^route\.js$/, source: "medusa" },
  { dir: path.join(ROOT, "src/api"), file: /^route\.ts$/, source: "maart" },
]
const METHOD_EXPORT = /(?:^|\n)\s*(?:export\s+(?:async\s+)?(?:function|const)\s+|exports\.|const\s+)(GET|POST|PUT|PATCH|DELETE)\b/g

/**
 * Every route Medusa registers from the file system, the way its router does:
 * `api/<path>/route.(js|ts)`, `[param]` folders as `:param`, one route per
 * exported HTTP method — Medusa's own and Maart's.
 */
export function registeredRoutes(prefix: "/admin" | "/store"): RegisteredRoute[] {
  const routes: RegisteredRoute[] = []
  for (const { dir, file, source } of SOURCES) {
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name)
        if (entry.isDirectory()) {
          walk(full)
        } else if (file.test(entry.name)) {
          const route =
            "/" +
            path
              .relative(dir, folder)
              .split(path.sep)
              .map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
              .join("/")
          if (!route.startsWith(prefix + "/") && route !== prefix) {
            continue
          }
          const methods = new Set([...fs.readFileSync(full, "utf8").matchAll(METHOD_EXPORT)].map((m) => m[1]))
          methods.forEach((method) => routes.push({ method, route, source }))
        }
      }
    }
    walk(dir)
  }
  return routes
}
