import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteNotificationTemplateStep } from "../steps/delete-notification-template"
import { validateNotificationTemplateStep } from "../steps/validate-notification-template"

export const deleteNotificationTemplateWorkflowId = "delete-notification-template"

/**
 * Puts one of a shop's emails in one language back to the built-in text (removes the shop's wording).
 *
 * @example
 * await deleteNotificationTemplateWorkflow(container).run({ input: { vendor_id: "ven_…", template: "order-confirmation", language: "fr" } })
 */
export const deleteNotificationTemplateWorkflow = createWorkflow(
  deleteNotificationTemplateWorkflowId,
  (input: { vendor_id: string; template: string; language: string }) => {
    validateNotificationTemplateStep(transform({ input }, ({ input }) => ({ template: input.template, language: input.language })))
    const result = deleteNotificationTemplateStep(input)
    return new WorkflowResponse(result)
  }
)
