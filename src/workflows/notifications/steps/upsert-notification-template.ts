import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_TEMPLATE_MODULE } from "../../../modules/notification-template"
import type NotificationTemplateModuleService from "../../../modules/notification-template/service"

export const upsertNotificationTemplateStepId = "upsert-notification-template"

export type UpsertNotificationTemplateStepInput = {
  vendor_id: string
  template: string
  language: string
  /** A text sets the field, null puts the built-in text back, undefined leaves it. */
  subject?: string | null
  intro?: string | null
  /** The notice's switch: written on every row of the template, so one language cannot disagree with another. */
  enabled?: boolean
}

type Previous = { id: string; subject: string | null; intro: string | null; enabled: boolean }
type Undo = { created: string[]; updated: Previous[] }

/** Creates or updates the shop's wording of one email in one language; undone by removing or restoring the rows. */
export const upsertNotificationTemplateStep = createStep(
  upsertNotificationTemplateStepId,
  async (input: UpsertNotificationTemplateStepInput, { container }) => {
    const service = container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE)
    const rows = await service.listNotificationTemplates({ vendor_id: input.vendor_id, template: input.template }, { take: null })
    const undo: Undo = { created: [], updated: [] }
    const remember = (r: (typeof rows)[number]) => undo.updated.push({ id: r.id, subject: r.subject ?? null, intro: r.intro ?? null, enabled: r.enabled })

    let own = rows.find((r) => r.language === input.language)
    const fields = {
      ...(input.subject !== undefined ? { subject: input.subject || null } : {}),
      ...(input.intro !== undefined ? { intro: input.intro || null } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    }
    if (own) {
      remember(own)
      own = await service.updateNotificationTemplates({ id: own.id, ...fields })
    } else {
      // A new language row follows the switch the template already has.
      const enabled = input.enabled ?? rows.every((r) => r.enabled)
      own = await service.createNotificationTemplates({ vendor_id: input.vendor_id, template: input.template, language: input.language, ...fields, enabled })
      undo.created.push(own.id)
    }
    if (input.enabled !== undefined) {
      const others = rows.filter((r) => r.id !== own!.id && r.enabled !== input.enabled)
      others.forEach(remember)
      if (others.length) {
        await service.updateNotificationTemplates(others.map((r) => ({ id: r.id, enabled: input.enabled })))
      }
    }
    return new StepResponse(own, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE)
    if (undo.created.length) {
      await service.deleteNotificationTemplates(undo.created)
    }
    if (undo.updated.length) {
      await service.updateNotificationTemplates(undo.updated)
    }
  }
)
