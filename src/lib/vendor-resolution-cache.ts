import type { ICacheService } from "@medusajs/framework/types"

/**
 * Host → vendor answers kept in Medusa's cache module (in-process by default,
 * Redis — shared by every instance — with REDIS_URL). Entries are keyed by a
 * generation that any vendor or domain change replaces, so one change
 * invalidates every host at once.
 */
const GENERATION_KEY = "maart:vendor-resolution:generation"
export const VENDOR_RESOLUTION_TTL_SECONDS = 60

async function generation(cache: ICacheService): Promise<string> {
  let value = await cache.get<string>(GENERATION_KEY)
  if (!value) {
    value = String(Date.now())
    await cache.set(GENERATION_KEY, value, 24 * 3600)
  }
  return value
}

export async function cachedResolution<T>(cache: ICacheService, key: string, load: () => Promise<T>): Promise<T> {
  const cacheKey = `maart:vendor-resolution:${await generation(cache)}:${key}`
  const hit = await cache.get<{ value: T }>(cacheKey)
  if (hit) {
    return hit.value
  }
  const value = await load()
  await cache.set(cacheKey, { value }, VENDOR_RESOLUTION_TTL_SECONDS)
  return value
}

export async function invalidateVendorResolutions(cache: ICacheService): Promise<void> {
  await cache.set(GENERATION_KEY, `${Date.now()}-${Math.random().toString(36).slice(2)}`, 24 * 3600)
}
