import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resetUserPasswordsWorkflow } from "../../../../../workflows/platform-users/workflows/reset-user-passwords"
import type { AdminResetUserPasswordsType } from "../validators"

/**
 * Platform admins: mass password reset of the named users or a vendor's members. Old passwords
 * stop working; each user gets a reset link by email. One report per user (sent, skipped, failed).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminResetUserPasswordsType>, res: MedusaResponse) {
  const { result } = await resetUserPasswordsWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const count = (status: string) => result.filter((r) => r.status === status).length
  res.json({ results: result, sent: count("sent"), skipped: count("skipped"), failed: count("failed") })
}
