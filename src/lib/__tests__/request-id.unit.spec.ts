import http from "node:http"
import type { AddressInfo } from "node:net"
import { installRequestIds, normalizeRequestId } from "../request-id"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe("normalizeRequestId", () => {
  it("keeps a well-formed incoming id", () => {
    expect(normalizeRequestId("trace-0123456789")).toBe("trace-0123456789")
  })

  it.each([[undefined], [""], ["short"], ["has space in it"], ["x".repeat(129)], ["<script>alert(1)</script>"]])(
    "replaces %p with a fresh UUID",
    (incoming) => {
      expect(normalizeRequestId(incoming)).toMatch(UUID)
    }
  )
})

describe("installRequestIds", () => {
  let server: http.Server
  let url: string
  let seen: string | undefined

  beforeAll(async () => {
    installRequestIds()
    installRequestIds() // idempotent: a second call must not wrap twice
    server = http.createServer((req, res) => {
      seen = req.headers["x-request-id"] as string
      res.statusCode = 401
      res.end("no")
    })
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })

  afterAll(() => new Promise((r) => server.close(r)))

  it("echoes a valid id on a response the handler ends itself", async () => {
    const res = await fetch(url, { headers: { "x-request-id": "client-req-0001" } })
    expect(res.status).toBe(401)
    expect(res.headers.get("x-request-id")).toBe("client-req-0001")
    expect(seen).toBe("client-req-0001")
  })

  it("replaces an invalid id, and the handler sees the same one it answers with", async () => {
    const res = await fetch(url, { headers: { "x-request-id": "bad id" } })
    const id = res.headers.get("x-request-id")
    expect(id).toMatch(UUID)
    expect(seen).toBe(id)
  })
})
