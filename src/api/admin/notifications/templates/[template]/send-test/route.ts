import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { sendTestEmailWorkflow } from "../../../../../../workflows/notifications/workflows/send-test-email"
import { activeVendorId, type TenantRequest } from "../../../../../tenancy/context"
import type { AdminNotificationTemplateSampleType } from "../../../validators"

/** Sends the email with a sample order to the acting user's own address (settings.edit). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminNotificationTemplateSampleType>, res: MedusaResponse) => {
  const user = await req.scope.resolve(Modules.USER).retrieveUser(req.auth_context.actor_id, { select: ["id", "email"] })
  const { result } = await sendTestEmailWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      template: req.params.template as never,
      language: req.validatedBody.language as never,
      vendor_id: activeVendorId(req as TenantRequest),
      to: user.email,
      user_id: user.id,
    },
  })
  res.json({ notification: result })
}
