import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NOTIFICATION_TEMPLATE_MODULE } from "../../../../modules/notification-template"
import type NotificationTemplateModuleService from "../../../../modules/notification-template/service"
import { EMAIL_LANGUAGES, resolveTexts, SHOP_EMAIL_TEMPLATES, TEMPLATE_DEFINITIONS } from "../../../../modules/notification-template/templates"
import { activeVendorId, type TenantRequest } from "../../../tenancy/context"

/**
 * The shop's emails it may reword: per email its variables, and per language the built-in texts, the
 * shop's own (null where it has none) and what goes out (`effective`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const vendorId = activeVendorId(req as TenantRequest)
  const overrides = await req.scope.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE).overridesOf(vendorId)
  const templates = SHOP_EMAIL_TEMPLATES.map((template) => {
    const def = TEMPLATE_DEFINITIONS[template]
    return {
      template,
      label: def.label,
      recipient: def.recipient,
      can_disable: def.can_disable,
      enabled: resolveTexts(template, "fr", overrides).enabled,
      variables: def.variables,
      languages: EMAIL_LANGUAGES.map((language) => {
        // A row that only carries the notice's switch is no wording of its own.
        const own = overrides.find((o) => o.template === template && o.language === language && (o.subject || o.intro))
        const effective = resolveTexts(template, language, overrides)
        return {
          language,
          default: def.defaults[language],
          override: own ? { id: own.id, subject: own.subject, intro: own.intro, updated_at: own.updated_at } : null,
          effective: { subject: effective.subject, intro: effective.intro },
        }
      }),
    }
  })
  res.json({ templates })
}
