import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setUserActiveWorkflow } from "../../../../../../workflows/platform-users/workflows/set-user-active"
import { refetchPlatformUser } from "../../helpers"

/** Platform admins: lock a user out at once (login, refresh and every admin request with an existing token answer 401 USER_DEACTIVATED). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await setUserActiveWorkflow(req.scope).run({
    input: { user_id: req.params.id, active: false, actor_id: req.auth_context.actor_id },
  })
  res.json({ user: await refetchPlatformUser(req, req.params.id) })
}
