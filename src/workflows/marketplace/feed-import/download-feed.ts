import dns from "node:dns"
import http from "node:http"
import https from "node:https"
import net, { type LookupFunction } from "node:net"
import type { Readable } from "node:stream"
import ipaddr from "ipaddr.js"
import { envFlag } from "../../../lib/env"
import { ErrorCodes } from "../../../lib/errors"

const MAX_REDIRECTS = 5
const TIMEOUT_MS = 60_000

const failure = (code: string, message: string) => Object.assign(new Error(message), { code })

/**
 * Whether feeds may come from loopback, private and link-local addresses
 * (MARKETPLACE_FEED_ALLOW_PRIVATE; the tests' local feed server needs it).
 * Off by default: a vendor's feed URL must not reach the platform's own
 * network (cloud metadata, Redis, the admin of something else).
 */
export const privateFeedHostsAllowed = () => envFlag(process.env.MARKETPLACE_FEED_ALLOW_PRIVATE, false)

/** Public unicast addresses only (an IPv4-mapped IPv6 address counts as its IPv4 one). */
function isPublic(address: string) {
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() === "unicast"
}

/** Checked when connecting — so DNS answers cannot be swapped in between a check and the request. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) {
      return callback(err, "", 0)
    }
    const list = addresses as dns.LookupAddress[]
    const refused = list.find(({ address }) => !isPublic(address))
    if (refused || !list.length) {
      return callback(failure(ErrorCodes.IMPORT_URL_FORBIDDEN, `${hostname} resolves to ${refused?.address ?? "nothing"}, which feeds may not come from.`), "", 0)
    }
    if ((options as dns.LookupOptions).all) {
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
    }
    callback(null, list[0].address, list[0].family)
  })
}

/**
 * Downloads a feed as a stream (no size limit, backpressure to the socket),
 * following up to five redirects, each checked like the first URL: http(s)
 * only, public addresses only unless allowed. Resolves with the body and its
 * announced length.
 */
export async function downloadFeed(url: string): Promise<{ stream: Readable; length: number | null; encoded: boolean }> {
  let current = new URL(url)
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!["http:", "https:"].includes(current.protocol)) {
      throw failure(ErrorCodes.IMPORT_URL_FORBIDDEN, `Feeds come over http or https, not ${current.protocol}`)
    }
    // An address in the URL is connected to without a lookup: check it here.
    const literal = current.hostname.replace(/^\[|\]$/g, "")
    if (net.isIP(literal) && !privateFeedHostsAllowed() && !isPublic(literal)) {
      throw failure(ErrorCodes.IMPORT_URL_FORBIDDEN, `${literal} is not an address feeds may come from.`)
    }
    const res = await get(current)
    const status = res.statusCode ?? 0
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.resume()
      current = new URL(res.headers.location, current)
      continue
    }
    if (status < 200 || status >= 300) {
      res.resume()
      throw failure(ErrorCodes.IMPORT_DOWNLOAD_FAILED, `The feed could not be downloaded: HTTP ${status}.`)
    }
    const length = Number(res.headers["content-length"])
    return { stream: res, length: Number.isFinite(length) && length > 0 ? length : null, encoded: !!res.headers["content-encoding"] }
  }
  throw failure(ErrorCodes.IMPORT_DOWNLOAD_FAILED, `The feed redirects more than ${MAX_REDIRECTS} times.`)
}

function get(url: URL): Promise<http.IncomingMessage> {
  const client = url.protocol === "https:" ? https : http
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        headers: { accept: "text/csv, text/tab-separated-values, */*", "user-agent": "Maart feed importer" },
        lookup: privateFeedHostsAllowed() ? undefined : publicOnlyLookup,
        timeout: TIMEOUT_MS,
      },
      resolve
    )
    req.on("timeout", () => req.destroy(failure(ErrorCodes.IMPORT_DOWNLOAD_FAILED, "The feed server did not answer in time.")))
    req.on("error", (e: Error & { code?: string }) =>
      reject(e.code === ErrorCodes.IMPORT_URL_FORBIDDEN ? e : failure(ErrorCodes.IMPORT_DOWNLOAD_FAILED, `The feed could not be downloaded: ${e.message}`))
    )
  })
}
