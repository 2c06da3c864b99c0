import http from "node:http"
import type { AddressInfo } from "node:net"
import { downloadFeed } from "../feed-import/download-feed"

/** The feed download's guard: http(s) only, public addresses only (unless allowed), redirects checked hop by hop. */
describe("downloading a feed", () => {
  let base = ""
  const server = http.createServer((req, res) => {
    if (req.url === "/feed") return void res.writeHead(200, { "content-length": 5 }).end("id\nA\n")
    if (req.url === "/hop") return void res.writeHead(302, { location: "/feed" }).end()
    if (req.url === "/to-file") return void res.writeHead(302, { location: "file:///etc/passwd" }).end()
    if (req.url === "/loop") return void res.writeHead(302, { location: "/loop" }).end()
    res.writeHead(404).end()
  })
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    delete process.env.MARKETPLACE_FEED_ALLOW_PRIVATE
    await new Promise<void>((r) => server.close(() => r()))
  })
  const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => e.code)
  const body = async (url: string) => {
    const { stream, length } = await downloadFeed(url)
    let text = ""
    for await (const chunk of stream) text += chunk
    return [text, length]
  }

  it("refuses loopback, private and link-local hosts by default", async () => {
    delete process.env.MARKETPLACE_FEED_ALLOW_PRIVATE
    expect(await code(downloadFeed(`${base}/feed`))).toBe("IMPORT_URL_FORBIDDEN")
    expect(await code(downloadFeed(base.replace("127.0.0.1", "localhost") + "/feed"))).toBe("IMPORT_URL_FORBIDDEN")
    expect(await code(downloadFeed("http://169.254.169.254/latest/meta-data/"))).toBe("IMPORT_URL_FORBIDDEN")
    expect(await code(downloadFeed("http://10.0.0.1/feed"))).toBe("IMPORT_URL_FORBIDDEN")
  })

  it("refuses other schemes, also after a redirect, and redirect loops", async () => {
    process.env.MARKETPLACE_FEED_ALLOW_PRIVATE = "true"
    expect(await code(downloadFeed("ftp://example.com/feed"))).toBe("IMPORT_URL_FORBIDDEN")
    expect(await code(downloadFeed(`${base}/to-file`))).toBe("IMPORT_URL_FORBIDDEN")
    expect(await code(downloadFeed(`${base}/loop`))).toBe("IMPORT_DOWNLOAD_FAILED")
    expect(await code(downloadFeed(`${base}/missing`))).toBe("IMPORT_DOWNLOAD_FAILED")
  })

  it("streams the body with its length, following redirects, when private hosts are allowed", async () => {
    process.env.MARKETPLACE_FEED_ALLOW_PRIVATE = "true"
    expect(await body(`${base}/hop`)).toEqual(["id\nA\n", 5])
  })
})
