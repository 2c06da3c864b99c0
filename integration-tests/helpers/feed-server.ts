import http from "node:http"
import type { AddressInfo } from "node:net"

export type ServedFeed = { body: Buffer; contentType?: string; chunkDelayMs?: number; chunkBytes?: number; status?: number }

/**
 * A local HTTP server standing in for Letzshop's feed URLs: `feeds.set(path, …)`,
 * then import `${url}${path}`. Bodies can be sent slowly, in chunks, to test
 * progress and cancelling. Feeds on loopback are refused by default, so the
 * suite allows them (MARKETPLACE_FEED_ALLOW_PRIVATE) while it runs.
 */
export function useFeedServer() {
  process.env.MARKETPLACE_FEED_ALLOW_PRIVATE = "true"
  const feeds = new Map<string, ServedFeed>()
  let base = ""
  const server = http.createServer(async (req, res) => {
    const feed = feeds.get(req.url ?? "")
    if (!feed || feed.status) {
      res.writeHead(feed?.status ?? 404).end("not here")
      return
    }
    res.writeHead(200, { "content-type": feed.contentType ?? "text/tab-separated-values; charset=utf-8", "content-length": feed.body.length })
    if (!feed.chunkDelayMs) {
      res.end(feed.body)
      return
    }
    const size = feed.chunkBytes ?? 64 * 1024
    for (let at = 0; at < feed.body.length && !res.destroyed; at += size) {
      res.write(feed.body.subarray(at, at + size))
      await new Promise((r) => setTimeout(r, feed.chunkDelayMs))
    }
    res.end()
  })
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    delete process.env.MARKETPLACE_FEED_ALLOW_PRIVATE
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return { feeds, url: (path: string) => `${base}${path}` }
}
