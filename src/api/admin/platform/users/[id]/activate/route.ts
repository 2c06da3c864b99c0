import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setUserActiveWorkflow } from "../../../../../../workflows/platform-users/workflows/set-user-active"
import { refetchPlatformUser } from "../../helpers"

/** Platform admins: let a deactivated user sign in again. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await setUserActiveWorkflow(req.scope).run({
    input: { user_id: req.params.id, active: true, actor_id: req.auth_context.actor_id },
  })
  res.json({ user: await refetchPlatformUser(req, req.params.id) })
}
