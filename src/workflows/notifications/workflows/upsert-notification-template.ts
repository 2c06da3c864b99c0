import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertNotificationTemplateStep } from "../steps/upsert-notification-template"
import { validateNotificationTemplateStep, type NotificationTemplateInput } from "../steps/validate-notification-template"

export const upsertNotificationTemplateWorkflowId = "upsert-notification-template"

export type UpsertNotificationTemplateInput = NotificationTemplateInput & { vendor_id: string }

/**
 * Saves a shop's own subject and intro of one of its emails in one language (and, for the shop's
 * new-order notice, whether it is sent). Refused: an email that is not a shop's, a language emails are
 * not written in, a variable the email does not have. The order emails and password resets sent from
 * then on use it (src/lib/emails.ts).
 *
 * @example
 * await upsertNotificationTemplateWorkflow(container).run({
 *   input: { vendor_id: "ven_…", template: "order-confirmation", language: "fr", subject: "Merci {{customer.first_name}} !" },
 * })
 */
export const upsertNotificationTemplateWorkflow = createWorkflow(upsertNotificationTemplateWorkflowId, (input: UpsertNotificationTemplateInput) => {
  validateNotificationTemplateStep(input)
  const row = upsertNotificationTemplateStep(
    transform({ input }, ({ input }) => ({
      vendor_id: input.vendor_id,
      template: input.template,
      language: input.language,
      subject: input.subject,
      intro: input.intro,
      enabled: input.enabled,
    }))
  )
  return new WorkflowResponse(row)
})
