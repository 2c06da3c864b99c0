import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { monitoringSnapshot } from "../../../../lib/monitoring"

/**
 * Platform admins (the /admin/platform family is in PLATFORM_ONLY): one snapshot of the platform's health —
 * checks, this instance, request figures, jobs and failed notifications (src/lib/monitoring.ts).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ monitoring: await monitoringSnapshot(req.scope) })
}
