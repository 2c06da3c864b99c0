import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { shopEmailSample, type Email } from "../../lib/emails"
import { publicUrl } from "../../lib/env"
import { ErrorCodes, maartError } from "../../lib/errors"
import { NOTIFICATION_TEMPLATE_MODULE } from "../../modules/notification-template"
import type NotificationTemplateModuleService from "../../modules/notification-template/service"
import type { EmailLanguage, ShopEmailTemplate, TemplateOverride } from "../../modules/notification-template/templates"
import { TENANCY_MODULE } from "../../modules/tenancy"
import type TenancyModuleService from "../../modules/tenancy/service"

export type SampleInput = {
  vendor_id: string
  template: ShopEmailTemplate
  language: EmailLanguage
  /** Unsaved texts (the editor's draft) in place of the stored ones; null: the built-in text. */
  subject?: string | null
  intro?: string | null
}

/**
 * One of a shop's emails as it would go out, with a made-up order: the shop's name and branding, its
 * stored wording, or the draft given. For the template editor's preview and its test email (validated
 * by the caller: template, language and variables).
 */
export async function renderShopEmailSample(container: MedusaContainer, input: SampleInput): Promise<Email> {
  const [vendor] = await container.resolve<TenancyModuleService>(TENANCY_MODULE).listVendors({ id: input.vendor_id }, { select: ["id", "name", "theme"] })
  if (!vendor) {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `No vendor ${input.vendor_id}.`)
  }
  let overrides: TemplateOverride[] = await container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE).overridesOf(vendor.id)
  if (input.subject !== undefined || input.intro !== undefined) {
    const stored = overrides.find((o) => o.template === input.template && o.language === input.language)
    const draft: TemplateOverride = {
      id: "draft",
      template: input.template,
      language: input.language,
      subject: input.subject !== undefined ? input.subject : stored?.subject ?? null,
      intro: input.intro !== undefined ? input.intro : stored?.intro ?? null,
      enabled: true,
    }
    overrides = [draft, ...overrides.filter((o) => o !== stored)]
  }
  const adminPath = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).admin?.path ?? "/app"
  return shopEmailSample(input.template, {
    shop: { name: vendor.name, theme: vendor.theme as Record<string, unknown> | null },
    lang: input.language,
    overrides,
    admin_url: `${publicUrl()}${adminPath}`,
  })
}
