import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runChecks } from "../../../lib/monitoring-checks"

/**
 * Readiness: 200 when every backing service answers, 503 naming the ones that
 * do not. Medusa's own `/health` only says the process is up. The checks are
 * the required ones of src/lib/monitoring-checks.ts (the platform's monitoring
 * page shows them all, with their latency).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const results = await runChecks(req.scope, { requiredOnly: true })
  const failing = results.filter((r) => r.status === "failing")
  res.status(failing.length ? 503 : 200).json({
    status: failing.length ? "unavailable" : "ok",
    failing: failing.map((r) => r.name),
    checks: Object.fromEntries(results.map(({ name, status, error }) => [name, error ? { status, error } : { status }])),
  })
}
