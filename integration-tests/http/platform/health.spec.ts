import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

jest.setTimeout(60 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api }) => {
    describe("GET /health/ready", () => {
      afterEach(() => {
        delete process.env.REDIS_URL
      })

      it("answers 200 when the database answers", async () => {
        const res = await api.get("/health/ready")
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ status: "ok", failing: [], checks: { database: { status: "ok" } } })
      })

      it("answers 503 naming Redis when REDIS_URL points at nothing", async () => {
        process.env.REDIS_URL = "redis://127.0.0.1:1"
        const res = await api.get("/health/ready", { validateStatus: () => true })
        expect(res.status).toBe(503)
        expect(res.data.status).toBe("unavailable")
        expect(res.data.failing).toEqual(["redis"])
        expect(res.data.checks.database.status).toBe("ok")
        expect(res.data.checks.redis.error).toBeTruthy()
      })
    })

    describe("x-request-id", () => {
      it("is echoed when valid, on a route Medusa answers before project middlewares", async () => {
        const res = await api.get("/admin/products", {
          headers: { "x-request-id": "integration-0001" },
          validateStatus: () => true,
        })
        expect(res.status).toBe(401)
        expect(res.headers["x-request-id"]).toBe("integration-0001")
      })

      it("is generated for every response, Medusa's own /health included", async () => {
        const a = await api.get("/health")
        const b = await api.get("/health")
        expect(a.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
        expect(b.headers["x-request-id"]).not.toBe(a.headers["x-request-id"])
      })
    })
  
    describe("the API reference at /docs", () => {
      afterEach(() => {
        delete process.env.API_DOCS
      })

      it("serves swagger-ui from the package and the document generated from the routes' validators", async () => {
        const page = await api.get("/docs")
        expect([page.status, page.headers["content-type"]]).toEqual([200, "text/html; charset=utf-8"])
        expect(page.data).toContain('<script src="/docs/assets/swagger-ui-bundle.js"></script>')
        const bundle = await api.get("/docs/assets/swagger-ui-bundle.js")
        expect([bundle.status, bundle.headers["content-type"], bundle.data.length > 100_000]).toEqual([200, "text/javascript; charset=utf-8", true])
        const other = await api.get("/docs/assets/package.json", { validateStatus: () => true })
        expect([other.status, other.data.code]).toEqual([404, "NOT_FOUND"])

        const { data: document } = await api.get("/docs/openapi.json")
        expect(document.openapi).toBe("3.1.0")
        expect(document.paths["/admin/team/members/{id}"].post.requestBody.content["application/json"].schema.type).toBe("object")
        expect(document.paths["/store/vendors/resolve"].get["x-maart-scope"]).toBe("public")
      })

      it("is off in production unless API_DOCS=true", async () => {
        process.env.API_DOCS = "false"
        for (const url of ["/docs", "/docs/openapi.json", "/docs/assets/swagger-ui.css"]) {
          const res = await api.get(url, { validateStatus: () => true })
          expect([url, res.status, res.data.code]).toEqual([url, 404, "NOT_FOUND"])
        }
      })
    })
  },
})
