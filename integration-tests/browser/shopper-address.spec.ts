import type { ChildProcess } from "node:child_process"
import http from "node:http"
import net from "node:net"
import path from "node:path"
import { expect, test } from "@playwright/test"
import { backendUrl } from "./harness"

/**
 * The shopper's address on the storefront's Store API calls (X-Forwarded-For), which the backend's per-IP limits
 * count when it trusts the storefront (TRUST_PROXY=1; integration-tests/http/platform/store-limits.spec.ts shows two
 * forwarded addresses limited separately). A storefront of this spec's own (storefront/server.mjs on the suite's
 * build) talks to the suite's real backend through a recording pass-through, so every Store API call it makes is
 * seen; shoppers are plain HTTP clients on loopback. No browser: the header is the storefront server's doing.
 */

type Seen = { path: string; forwardedFor: string | undefined }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** A pass-through to the real backend that records each request's path and X-Forwarded-For. */
async function recordingBackend(seen: Seen[]) {
  const target = new URL(backendUrl())
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? "", forwardedFor: req.headers["x-forwarded-for"] as string | undefined })
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on("error", () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) }
}

/** GET a shop page from the storefront as a client on loopback, optionally claiming to be a proxy for `forwardedFor`. */
function getPage(port: number, pathname: string, forwardedFor?: string, host = "lumiere.localhost"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path: pathname, headers: { host: `${host}:${port}`, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) } },
      (res) => {
        res.resume()
        res.on("end", () => resolve(res.statusCode ?? 0))
      }
    )
    req.on("error", reject)
  })
}

async function startStorefront(backend: string, trustProxy: string | undefined) {
  const lib = await import(path.resolve(__dirname, "../../scripts/lib/storefront.mjs"))
  const medusa = await import(path.resolve(__dirname, "../../scripts/lib/medusa.mjs"))
  const port = await freePort()
  const child: ChildProcess = lib.spawnStorefront({
    serverEntry: process.env.MAART_BROWSER_STOREFRONT_ENTRY,
    port,
    backendUrl: backend,
    env: {
      MEDUSA_PUBLISHABLE_KEY: process.env.MAART_BROWSER_PLATFORM_KEY,
      STOREFRONT_TRUST_PROXY: trustProxy ?? "",
      // Each storefront resolves anew (its own process): the resolution calls are seen too.
      STOREFRONT_RESOLVE_TTL_MS: "30000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline && child.exitCode === null) {
    // Another host than the shop's: the probe must not resolve the shop (its resolution is cached and checked).
    if (await getPage(port, "/", undefined, "probe.invalid").then(() => true, () => false)) break
    await new Promise((r) => setTimeout(r, 200))
  }
  return { port, stop: () => medusa.stopMedusa(child, { graceMs: 3_000 }) }
}

test("each shopper's own address goes with the storefront's Store API calls; a client's X-Forwarded-For only counts behind a trusted proxy", async () => {
  const seen: Seen[] = []
  const backend = await recordingBackend(seen)
  const behindProxy = await startStorefront(backend.url, "loopback")
  const exposed = await startStorefront(backend.url, undefined)
  try {
    // Behind a trusted proxy (loopback): two shoppers, each named on every call their page made.
    for (const shopper of ["198.51.100.1", "198.51.100.2"]) {
      const from = seen.length
      expect(await getPage(behindProxy.port, "/products", shopper)).toBe(200)
      const calls = seen.slice(from)
      expect(calls.filter((c) => c.path.startsWith("/store/products")).length).toBeGreaterThan(0)
      expect(calls.map((c) => c.forwardedFor)).toEqual(calls.map(() => shopper))
    }
    // The first page resolved the shop: resolution named its shopper too.
    expect(seen.find((c) => c.path.startsWith("/store/vendors/resolve?host=lumiere.localhost"))?.forwardedFor).toBe("198.51.100.1")

    // Reached directly, the storefront ignores a client-written X-Forwarded-For: the shopper is the socket's address.
    const from = seen.length
    expect(await getPage(exposed.port, "/products", "203.0.113.66")).toBe(200)
    const calls = seen.slice(from)
    expect(calls.length).toBeGreaterThan(0)
    expect(new Set(calls.map((c) => c.forwardedFor))).toEqual(new Set(["127.0.0.1"]))
  } finally {
    await behindProxy.stop()
    await exposed.stop()
    await backend.close()
  }
})
