import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../lib/errors"
import { exposition, hasMetricsToken, metrics } from "../../lib/metrics"
import { loadAdminUser } from "../tenancy/context"

/** With METRICS_TOKEN, only `Authorization: Bearer <token>`; without it, only a signed-in platform admin. */
async function assertMayScrape(req: AuthenticatedMedusaRequest) {
  if (process.env.METRICS_TOKEN) {
    if (!hasMetricsToken(req.get("authorization"))) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Send the metrics token as Authorization: Bearer <token>.")
    }
    return
  }
  const actor = req.auth_context
  if (!actor?.actor_id || actor.actor_type !== "user") {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a platform admin (or set METRICS_TOKEN) to read metrics.")
  }
  const user = await loadAdminUser(req, actor.actor_id)
  if (!user.platform_admin || user.deactivated) {
    throw maartError("FORBIDDEN", ErrorCodes.PLATFORM_ADMIN_REQUIRED, "Metrics are for platform admins only.")
  }
}

/** This instance's metrics in Prometheus text format (each instance answers for itself). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await assertMayScrape(req)
  const m = metrics()
  res.setHeader("content-type", m.registry.contentType)
  res.send(await exposition(m.registry))
}
