import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendTestEmailStep, type SendTestEmailInput } from "../steps/send-test-email"
import { validateNotificationTemplateStep } from "../steps/validate-notification-template"

export const sendTestEmailWorkflowId = "send-notification-template-test"

/**
 * Sends one of a shop's emails with a sample order to the acting member's own address, in the shop's
 * branding, with its stored wording or the draft given (validated like a save).
 *
 * @example
 * await sendTestEmailWorkflow(container).run({
 *   input: { vendor_id: "ven_…", template: "order-confirmation", language: "fr", to: "owner@shop.lu", user_id: "user_…" },
 * })
 */
export const sendTestEmailWorkflow = createWorkflow(sendTestEmailWorkflowId, (input: SendTestEmailInput) => {
  validateNotificationTemplateStep(
    transform({ input }, ({ input }) => ({ template: input.template, language: input.language, subject: input.subject, intro: input.intro }))
  )
  const sent = sendTestEmailStep(input)
  return new WorkflowResponse(sent)
})
