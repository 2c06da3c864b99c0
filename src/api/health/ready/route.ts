import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getRedis } from "../../../lib/redis"

const CHECK_TIMEOUT_MS = 2000

type Check = { name: string; run: () => Promise<unknown> }

function withTimeout<T>(promise: Promise<T>, name: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${name} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
    ),
  ])
}

/**
 * Readiness: 200 when every backing service answers, 503 naming the ones that
 * do not. Medusa's own `/health` only says the process is up.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const redis = getRedis()
  const checks: Check[] = [{ name: "database", run: () => pg.raw("select 1") }]
  if (redis) {
    checks.push({ name: "redis", run: () => redis.ping() })
  }

  const results = await Promise.all(
    checks.map(async ({ name, run }) => {
      try {
        await withTimeout(run(), name)
        return { name, status: "ok" as const }
      } catch (e) {
        return { name, status: "failing" as const, error: (e as Error).message }
      }
    })
  )
  const failing = results.filter((r) => r.status === "failing")
  res.status(failing.length ? 503 : 200).json({
    status: failing.length ? "unavailable" : "ok",
    failing: failing.map((r) => r.name),
    checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])),
  })
}
