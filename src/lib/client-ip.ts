/**
 * How many proxies in front of Maart append to X-Forwarded-For (TRUST_PROXY: a hop count, `true` = 1).
 * Unset: the header is ignored, as any client can write it — Medusa's own `req.ip` trusts one hop always.
 */
export function trustedHops(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.TRUST_PROXY?.trim().toLowerCase()
  if (!value || value === "false" || value === "0") {
    return 0
  }
  if (value === "true") {
    return 1
  }
  if (!/^[1-9][0-9]?$/.test(value)) {
    throw new Error(`TRUST_PROXY must be true, false or the number of proxies in front of Maart; got "${env.TRUST_PROXY}".`)
  }
  return Number(value)
}

const plainIp = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1")

/** The client's address: the socket's, or with N trusted proxies the Nth address from the right of X-Forwarded-For. */
export function clientIp(req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }, hops: number): string {
  const socket = plainIp(req.socket.remoteAddress ?? "unknown")
  if (!hops) {
    return socket
  }
  const header = req.headers["x-forwarded-for"]
  const forwarded = (Array.isArray(header) ? header.join(",") : header ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean)
  // Right to left: the socket is the nearest proxy, each hop adds the address it received from.
  const chain = [socket, ...forwarded.reverse().map(plainIp)]
  return chain[Math.min(hops, chain.length - 1)]
}
