import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, "../../..")
const API = path.join(ROOT, "src/api")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

/** The generator as `npm run openapi` runs it: a process of its own. */
function generate(...args: string[]) {
  const run = spawnSync(process.execPath, ["-r", "ts-node/register", path.join(ROOT, "src/lib/openapi-cli.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", NODE_OPTIONS: "" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe("the OpenAPI document of Maart's routes (generated from the validators)", () => {
  let document: { openapi: string; paths: Record<string, Record<string, Record<string, any>>> }

  beforeAll(() => {
    const run = generate()
    expect(run.stderr).toBe("")
    document = JSON.parse(run.stdout)
  })

  it("has every method of every route file Medusa's router loads", () => {
    // What Medusa's file router sees: route.ts files and the handlers they export.
    const routeFiles = (fs.readdirSync(API, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts")
    expect(routeFiles.length).toBeGreaterThan(40)
    const missing: string[] = []
    for (const file of routeFiles) {
      const route = "/" + path.dirname(file).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const handlers = Object.keys(require(path.join(API, file))).filter((name) => METHODS.includes(name))
      expect(handlers.length).toBeGreaterThan(0)
      for (const method of handlers) {
        if (!document.paths[route]?.[method.toLowerCase()]) {
          missing.push(`${method} ${route}`)
        }
      }
    }
    expect(missing).toEqual([])
    expect(document.openapi).toBe("3.1.0")
  })

  it("documents each route's input from its zod validator, and its permission from the tenancy policy", () => {
    const invite = document.paths["/admin/team/invites"].post
    expect(Object.keys(invite.requestBody.content["application/json"].schema.properties)).toEqual(expect.arrayContaining(["email", "role_id"]))
    expect(invite["x-maart-permission"]).toBe("team.invite")
    const vendors = document.paths["/admin/vendors"].get
    expect(vendors.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["limit", "offset", "status"]))
    expect(vendors.parameters.every((p: { required: boolean; in: string }) => p.in !== "query" || !p.required)).toBe(true)
    expect(vendors["x-maart-permission"]).toBe("platform admins only")
    const cancel = document.paths["/admin/marketplace/imports/{id}/cancel"].post
    expect(cancel.parameters).toEqual(expect.arrayContaining([{ name: "id", in: "path", required: true, schema: { type: "string" } }]))
    // A route Maart replaces keeps Medusa's validator: the upstream reference documents its body.
    expect(document.paths["/store/customers"].post.externalDocs.url).toBe("https://docs.medusajs.com/api/store")
    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("passes its own check: no route reads a body that no validator documents", () => {
    const run = generate("--check")
    expect([run.status, run.stderr]).toEqual([0, ""])
  })

  describe("a route added without a validator", () => {
    // A throw-away API folder inside the project, so it resolves the project's packages.
    const fixture = path.join(ROOT, ".maart", `openapi-fixture-${process.pid}`)
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true })
      fs.writeFileSync(path.join(fixture, file), text)
    }
    afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }))

    it("fails the check, and passes once its validator is registered", () => {
      write(
        "admin/gadgets/route.ts",
        `export async function POST(req: any, res: any) { res.json({ gadget: req.validatedBody }) }\n`
      )
      write("middlewares.ts", `export default { routes: [] }\n`)
      const before = generate("--api", fixture, "--check")
      expect(before.status).toBe(1)
      expect(before.stderr).toContain("no validator documents the body of POST /admin/gadgets")

      write(
        "middlewares.ts",
        `import { validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
export default { routes: [{ methods: ["POST"], matcher: "/admin/gadgets", middlewares: [validateAndTransformBody(z.object({ name: z.string() }))] }] }\n`
      )
      expect(generate("--api", fixture, "--check").status).toBe(0)
      const after = JSON.parse(generate("--api", fixture).stdout)
      expect(after.paths["/admin/gadgets"].post.requestBody.content["application/json"].schema).toEqual({
        type: "object",
        properties: { name: { type: "string" } },
        required: ["name"],
      })
    })
  })
})
