import http from "node:http"
import type { AddressInfo } from "node:net"

export type ServedFeed = { body: Buffer; contentType?: string; chunkDelayMs?: number; chunkBytes?: number; status?: number }

/**
 * A local HTTP server standing in for Letzshop's feed URLs: `feeds.set(path, …)`,
 * then import `url(path)`. Bodies can be sent slowly, in chunks, to test
 * progress and cancelling. Started and stopped by its caller: `useFeedServer`
 * for jest suites, the admin browser suite for its own (whose Maart allows loopback feeds).
 */
export async function startFeedServer(feeds = new Map<string, ServedFeed>()) {
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    feeds,
    url: (path: string) => `${base}${path}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * The feed server for a jest suite, for its whole run. Feeds on loopback are
 * refused by default, so the suite allows them (MARKETPLACE_FEED_ALLOW_PRIVATE) while it runs.
 */
export function useFeedServer() {
  process.env.MARKETPLACE_FEED_ALLOW_PRIVATE = "true"
  const feeds = new Map<string, ServedFeed>()
  let running: Awaited<ReturnType<typeof startFeedServer>> | undefined
  beforeAll(async () => {
    running = await startFeedServer(feeds)
  })
  afterAll(async () => {
    delete process.env.MARKETPLACE_FEED_ALLOW_PRIVATE
    await running?.close()
  })
  return { feeds, url: (path: string) => running!.url(path) }
}
