import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderShopEmailSample } from "../../../../../../workflows/notifications/shop-email-sample"
import { assertNotificationTemplate } from "../../../../../../workflows/notifications/steps/validate-notification-template"
import { activeVendorId, type TenantRequest } from "../../../../../tenancy/context"
import type { AdminNotificationTemplateSampleType } from "../../../validators"

/**
 * The email as it would go out, with a sample order: the stored texts, or the draft in the body
 * (checked like a save: unknown variables are refused). Sends nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminNotificationTemplateSampleType>, res: MedusaResponse) => {
  const input = { ...req.validatedBody, template: req.params.template }
  assertNotificationTemplate(input)
  const email = await renderShopEmailSample(req.scope, { ...input, vendor_id: activeVendorId(req as TenantRequest) })
  res.json({ preview: email })
}
