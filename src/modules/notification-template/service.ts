import { MedusaService } from "@medusajs/framework/utils"
import NotificationTemplate from "./models/notification-template"
import type { TemplateOverride } from "./templates"

/**
 * The shops' own wording of their emails (docs/selling.md, "Notifications").
 * Writes go through the workflows in src/workflows/notifications; the email
 * renderers read a vendor's overrides with `overridesOf`.
 */
class NotificationTemplateModuleService extends MedusaService({ NotificationTemplate }) {
  /** A vendor's overrides (every template and language it changed). */
  async overridesOf(vendorId: string): Promise<TemplateOverride[]> {
    const rows = await this.listNotificationTemplates(
      { vendor_id: vendorId },
      { select: ["id", "template", "language", "subject", "intro", "enabled", "updated_at"], take: null }
    )
    return rows.map((r) => ({
      id: r.id,
      template: r.template,
      language: r.language,
      subject: r.subject ?? null,
      intro: r.intro ?? null,
      enabled: r.enabled,
      updated_at: r.updated_at as Date,
    }))
  }
}

export default NotificationTemplateModuleService
