import Redis from "ioredis"

let client: Redis | undefined

/**
 * The process's shared Redis client for Maart's own uses (readiness, rate
 * limits), or undefined when REDIS_URL is not set. A command gives up after
 * one retry, so callers (with their own timeouts) see an outage quickly.
 */
export function getRedis(): Redis | undefined {
  const url = process.env.REDIS_URL
  if (!url) {
    return undefined
  }
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
    // ioredis emits every failed reconnect; readiness reports the outage instead.
    client.on("error", () => undefined)
  }
  return client
}
