import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_TEMPLATE_MODULE } from "../../../modules/notification-template"
import type NotificationTemplateModuleService from "../../../modules/notification-template/service"

export const deleteNotificationTemplateStepId = "delete-notification-template"

/**
 * Removes the shop's wording of one email in one language (soft delete): the built-in text is used
 * again. Nothing stored is not an error — the email already uses the built-in text. Undone by restoring.
 */
export const deleteNotificationTemplateStep = createStep(
  deleteNotificationTemplateStepId,
  async (input: { vendor_id: string; template: string; language: string }, { container }) => {
    const service = container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE)
    const rows = await service.listNotificationTemplates(input, { select: ["id"] })
    const ids = rows.map((r) => r.id)
    if (ids.length) {
      await service.softDeleteNotificationTemplates(ids)
    }
    return new StepResponse({ deleted: ids }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<NotificationTemplateModuleService>(NOTIFICATION_TEMPLATE_MODULE).restoreNotificationTemplates(ids)
  }
)
