import fs from "node:fs"
import Module from "node:module"
import path from "node:path"
import { z } from "@medusajs/framework/zod"
import { ADMIN_POLICY } from "../api/tenancy/policy"
import { matchRoute } from "../api/tenancy/route-match"
import { STORE_POLICY } from "../api/tenancy/store-policy"

/**
 * The OpenAPI 3.1 document of Maart's own routes, generated from the API folder: every `route.ts`
 * and its exported methods, with the zod schemas its middlewares validate (bodies and queries, converted
 * by zod's own `toJSONSchema`) and the tenancy policy's permission. Nothing is written by hand, so a new
 * route is documented when it exists; the unit suite fails a route that reads `validatedBody` without
 * a validator.
 *
 * Loading the middleware table with the validators tagged re-evaluates the API's modules: run it in a
 * process of its own (`src/lib/openapi-cli.ts`), never inside the server, whose modules hold state.
 */
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const
type HttpMethod = (typeof HTTP_METHODS)[number]
type Schemas = { body?: unknown; query?: unknown }
const SCHEMAS = Symbol.for("maart.openapi.schemas")

export type ApiRoute = { path: string; methods: HttpMethod[]; file: string; readsBody: Partial<Record<HttpMethod, boolean>> }

/** The route files under `apiDir` as Medusa's file router sees them: `[id]` → `:id`. */
export function listRoutes(apiDir: string): ApiRoute[] {
  const routes: ApiRoute[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8")
        const methods = HTTP_METHODS.filter((m) =>
          new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b|exports\\.${m}\\s*=`).test(source)
        )
        const rel = path.relative(apiDir, dir).split(path.sep).filter(Boolean)
        const routePath = "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        // The handler's own text per method is not separable cheaply: a file that reads the validated body
        // reads it in its writing methods.
        const readsBody = /validatedBody/.test(source)
        routes.push({
          path: routePath,
          methods,
          file: full,
          readsBody: Object.fromEntries(methods.filter((m) => ["POST", "PUT", "PATCH"].includes(m)).map((m) => [m, readsBody])),
        })
      }
    }
  }
  walk(apiDir)
  return routes.sort((a, b) => a.path.localeCompare(b.path))
}

type MiddlewareEntry = { matcher: string | RegExp; method?: string | string[]; methods?: string[]; middlewares?: unknown[] }

/**
 * The API's middleware table, loaded with Medusa's validators wrapped so each middleware carries the
 * schema it validates. The API's modules are evaluated afresh for it (see the note above).
 */
export function loadValidatedRoutes(apiDir: string): MiddlewareEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require("@medusajs/framework/http")
  const tagged = {
    ...http,
    validateAndTransformBody: (schema: unknown) => Object.assign(http.validateAndTransformBody(schema), { [SCHEMAS]: { body: schema } }),
    validateAndTransformQuery: (schema: unknown, config: unknown) =>
      Object.assign(http.validateAndTransformQuery(schema, config), { [SCHEMAS]: { query: schema } }),
  }
  const loader = Module as unknown as { _load: (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown }
  const original = loader._load
  const apiFiles = () => Object.keys(require.cache).filter((file) => file.startsWith(apiDir + path.sep))
  apiFiles().forEach((file) => delete require.cache[file])
  loader._load = function (request, parent, isMain) {
    if (request === "@medusajs/framework/http" && parent?.filename?.startsWith(apiDir + path.sep)) {
      return tagged
    }
    return original.call(this, request, parent, isMain)
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(apiDir, "middlewares"))
    return ((config.default ?? config).routes ?? []) as MiddlewareEntry[]
  } finally {
    loader._load = original
    apiFiles().forEach((file) => delete require.cache[file])
  }
}

const normalize = (route: string) => route.replace(/:[^/]+/g, ":param").replace(/\/$/, "")

function schemasFor(entries: MiddlewareEntry[], route: string, method: HttpMethod): Schemas {
  const found: Schemas = {}
  for (const entry of entries) {
    if (typeof entry.matcher !== "string" || normalize(entry.matcher) !== normalize(route)) {
      continue
    }
    const methods = [entry.methods ?? entry.method ?? []].flat().map((m) => m.toUpperCase())
    if (methods.length && !methods.includes(method)) {
      continue
    }
    for (const middleware of entry.middlewares ?? []) {
      Object.assign(found, (middleware as { [SCHEMAS]?: Schemas })[SCHEMAS] ?? {})
    }
  }
  return found
}

function jsonSchema(schema: unknown): Record<string, unknown> {
  // Medusa lets a body validator be a function of the route's `additional_data` schema.
  const resolved = typeof schema === "function" && !(schema instanceof z.ZodType) ? (schema as (x?: unknown) => unknown)(undefined) : schema
  const out = z.toJSONSchema(resolved as z.ZodType, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>
  delete out.$schema
  return out
}

function queryParameters(schema: unknown) {
  const json = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>> }
  // Required is what the validator itself refuses to miss (a preprocess step hides it from the JSON Schema).
  const parsed = (schema as z.ZodType).safeParse({})
  const missing = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])))
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: missing.has(name),
    schema: property,
    ...(property.description ? { description: property.description } : {}),
  }))
}

function accessOf(route: string, method: HttpMethod) {
  if (route.startsWith("/admin")) {
    const match = matchRoute(ADMIN_POLICY, method, route.replace(/:([^/]+)/g, "x"))
    const permission = match?.entry.permission
    return match
      ? { "x-maart-permission": typeof permission === "object" ? permission[method] : permission, "x-maart-scope": match.entry.rule.scope }
      : { "x-maart-permission": "platform admins only" }
  }
  if (route.startsWith("/store")) {
    const match = matchRoute(STORE_POLICY, method, route.replace(/:([^/]+)/g, "x"))
    return match ? { "x-maart-scope": match.entry.rule.scope } : { "x-maart-scope": "none: refused" }
  }
  return {}
}

const SECURITY: Record<string, unknown[]> = {
  admin: [{ adminSession: [] }, { adminBearer: [] }],
  store: [{ publishableKey: [] }],
}

export type OpenApiDocument = {
  openapi: string
  info: Record<string, unknown>
  paths: Record<string, Record<string, Record<string, unknown>>>
  components: Record<string, unknown>
  [key: string]: unknown
}

/**
 * Routes Maart replaces keep Medusa's own validator (registered by Medusa for the same path): the
 * upstream reference documents their input.
 */
function medusaRoute(route: string): boolean {
  try {
    const medusaApi = path.join(path.dirname(require.resolve("@medusajs/medusa/package.json")), "dist", "api")
    return fs.existsSync(path.join(medusaApi, ...route.split("/").filter(Boolean).map((s) => s.replace(/^:(.+)$/, "[$1]")), "route.js"))
  } catch {
    return false
  }
}

const upstream = (route: string) => `https://docs.medusajs.com/api/${route.split("/")[1]}`

/** The document for the API folder `apiDir` (src/api, or .medusa/server/src/api in a build). */
export function buildOpenApiDocument(apiDir: string, version = "0.0.0"): OpenApiDocument {
  const entries = loadValidatedRoutes(apiDir)
  const paths: OpenApiDocument["paths"] = {}
  for (const route of listRoutes(apiDir)) {
    const openapiPath = route.path.replace(/:([^/]+)/g, "{$1}")
    const params = [...route.path.matchAll(/:([^/]+)/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }))
    const area = route.path.split("/")[1]
    for (const method of route.methods) {
      const { body, query } = schemasFor(entries, route.path, method)
      const byMedusa = !body && medusaRoute(route.path)
      paths[openapiPath] ??= {}
      paths[openapiPath][method.toLowerCase()] = {
        operationId: `${method.toLowerCase()}${route.path.replace(/[/:_-]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
        tags: [route.path.split("/").slice(1, 3).filter((s) => !s.startsWith(":")).join("/")],
        summary: `${method} ${route.path}`,
        parameters: [...params, ...(query ? queryParameters(query) : [])],
        ...(body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body) } } } } : {}),
        responses: {
          "200": { description: "OK" },
          "4XX": { description: "Refused: `{ code, message }` (see docs/errors.md)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
        ...(byMedusa ? { externalDocs: { description: "Input validated by Medusa's own schema for this route", url: upstream(route.path) } } : {}),
        ...(SECURITY[area] ? { security: SECURITY[area] } : {}),
        ...accessOf(route.path, method),
        "x-maart-source": path.relative(path.dirname(apiDir), route.file),
        "x-maart-validated": { body: body ? "maart" : byMedusa ? "medusa" : false, query: Boolean(query), reads_body: route.readsBody[method] ?? false },
      }
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Maart API (Maart's own routes)",
      version,
      description:
        "The routes Maart adds to Medusa, generated from their zod validators. Medusa's own Store and Admin routes " +
        "are documented upstream: https://docs.medusajs.com/api/store and https://docs.medusajs.com/api/admin — " +
        "for a vendor user, Maart's tenancy policy scopes them (docs/tenancy.md).",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        adminSession: { type: "apiKey", in: "cookie", name: "connect.sid" },
        adminBearer: { type: "http", scheme: "bearer" },
        publishableKey: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
      },
      schemas: {
        Error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" }, type: { type: "string" } }, required: ["message"] },
      },
    },
  }
}

/**
 * Operations whose input the document cannot describe: a writing route that reads `validatedBody` with no
 * validator registered for it (neither Maart's nor Medusa's). Each is a route a client cannot learn to call.
 */
export function undocumentedInputs(document: OpenApiDocument): string[] {
  const missing: string[] = []
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const validated = operation["x-maart-validated"] as { body: string | false; reads_body: boolean }
      if (validated.reads_body && !validated.body) {
        missing.push(`${method.toUpperCase()} ${route} (${operation["x-maart-source"]})`)
      }
    }
  }
  return missing
}
