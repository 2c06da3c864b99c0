import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { getRedis } from "./redis"

const CHECK_TIMEOUT_MS = 2000

export type CheckResult = {
  name: string
  status: "ok" | "failing"
  /** Time to the answer (or to the failure), in ms. */
  latency_ms: number
  /** Whether readiness (GET /health/ready) depends on it: the search falls back to Postgres, so Meilisearch does not. */
  required: boolean
  detail?: string
  error?: string
}

type Check = { name: string; required: boolean; run: () => Promise<string | void> }

function withTimeout<T>(promise: Promise<T>, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
    }),
  ]).finally(() => clearTimeout(timer))
}

type SearchModule = { listIndexes(): Promise<{ name: string; provider: string; status: string }[]> }

/**
 * The backing services this instance uses, as checks: the database, Redis (when REDIS_URL is set), Medusa's
 * search module (its indexes and their state) and Meilisearch (when MEILISEARCH_HOST is set).
 */
function checksOf(container: MedusaContainer): Check[] {
  const checks: Check[] = [
    { name: "database", required: true, run: async () => void (await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("select 1")) },
  ]
  const redis = getRedis()
  if (redis) {
    checks.push({ name: "redis", required: true, run: async () => void (await redis.ping()) })
  }
  const search = container.resolve<SearchModule | undefined>(Modules.SEARCH, { allowUnregistered: true })
  if (search) {
    checks.push({
      name: "search",
      required: false,
      run: async () => {
        const indexes = await search.listIndexes()
        // A failed index build leaves the search without its documents.
        const failed = indexes.filter((i) => i.status === "failed")
        if (failed.length) {
          throw new Error(`index ${failed.map((i) => i.name).join(", ")} failed`)
        }
        return indexes.map((i) => `${i.name}: ${i.provider}, ${i.status}`).join("; ")
      },
    })
  }
  const meili = process.env.MEILISEARCH_HOST
  if (meili) {
    checks.push({
      name: "meilisearch",
      required: false,
      run: async () => {
        const res = await fetch(new URL("/health", meili), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })
        if (!res.ok) {
          throw new Error(`answered ${res.status}`)
        }
      },
    })
  }
  return checks
}

/** Runs every check side by side, each bounded by a timeout; `requiredOnly` keeps those readiness depends on. */
export async function runChecks(container: MedusaContainer, { requiredOnly = false } = {}): Promise<CheckResult[]> {
  const checks = checksOf(container).filter((c) => !requiredOnly || c.required)
  return Promise.all(
    checks.map(async ({ name, required, run }) => {
      const start = performance.now()
      const latency = () => Math.round((performance.now() - start) * 10) / 10
      try {
        const detail = await withTimeout(run(), name)
        return { name, status: "ok" as const, latency_ms: latency(), required, ...(detail ? { detail } : {}) }
      } catch (e) {
        return { name, status: "failing" as const, latency_ms: latency(), required, error: (e as Error).message }
      }
    })
  )
}
