import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { triggerFeedImports } from "../../../../../workflows/marketplace/feed-import/trigger-feed-imports"

/** Platform admins: re-import every active vendor's configured feeds now (what the nightly job does). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { started, skipped } = await triggerFeedImports(req.scope, { scheduled: false, triggered_by: req.auth_context.actor_id })
  res.status(202).json({ started, skipped })
}
