import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import { TEAM_MODULE } from "../../../../modules/team"
import type TeamModuleService from "../../../../modules/team/service"
import type { AdminSetActiveVendorType } from "../../team/validators"

/**
 * Switches the session's active vendor (the dashboard's vendor switcher).
 * Bearer clients without a session name the vendor per request instead
 * (x-vendor-id). Only one of the user's own vendors can be chosen.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetActiveVendorType>, res: MedusaResponse) {
  const { vendor_id } = req.validatedBody
  const [membership] = await req.scope
    .resolve<TeamModuleService>(TEAM_MODULE)
    .listMemberships({ user_id: req.auth_context.actor_id, vendor_id, active: true }, { select: ["id"] })
  if (!membership) {
    throw maartError("FORBIDDEN", ErrorCodes.VENDOR_ACCESS_DENIED, `You are not a member of vendor ${vendor_id}.`)
  }
  const session = req.session as { vendor_id?: string; save?: (cb: (err?: unknown) => void) => void } | undefined
  if (session) {
    session.vendor_id = vendor_id
  }
  res.json({ active_vendor_id: vendor_id })
}
