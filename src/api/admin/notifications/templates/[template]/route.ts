import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { deleteNotificationTemplateWorkflow } from "../../../../../workflows/notifications/workflows/delete-notification-template"
import { upsertNotificationTemplateWorkflow } from "../../../../../workflows/notifications/workflows/upsert-notification-template"
import { activeVendorId, type TenantRequest } from "../../../../tenancy/context"
import { AdminDeleteNotificationTemplateParams, type AdminUpsertNotificationTemplateType } from "../../validators"

/** Saves the shop's wording of one email in one language (settings.edit). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertNotificationTemplateType>, res: MedusaResponse) => {
  const { result } = await upsertNotificationTemplateWorkflow(req.scope).run({
    input: { ...req.validatedBody, vendor_id: activeVendorId(req as TenantRequest), template: req.params.template },
  })
  res.json({ notification_template: result })
}

/** Back to the built-in text: DELETE /admin/notifications/templates/:template?language=fr (settings.edit). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const parsed = AdminDeleteNotificationTemplateParams.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Name the language: ?language=fr|de|en.")
  }
  const { result } = await deleteNotificationTemplateWorkflow(req.scope).run({
    input: { vendor_id: activeVendorId(req as TenantRequest), template: req.params.template, language: parsed.data.language },
  })
  res.json({ template: req.params.template, language: parsed.data.language, deleted: result.deleted.length > 0 })
}
