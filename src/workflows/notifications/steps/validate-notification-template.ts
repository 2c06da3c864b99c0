import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import {
  assertKnownVariables,
  EMAIL_LANGUAGES,
  isEmailLanguage,
  isShopEmailTemplate,
  TEMPLATE_DEFINITIONS,
  type EmailLanguage,
  type ShopEmailTemplate,
} from "../../../modules/notification-template/templates"

export const validateNotificationTemplateStepId = "validate-notification-template"

export type NotificationTemplateInput = {
  template: string
  language: string
  subject?: string | null
  intro?: string | null
  enabled?: boolean
}

/**
 * The rules of a shop's wording: one of the shop's emails (404 NOTIFICATION_TEMPLATE_UNKNOWN), one of the
 * email languages (400 NOTIFICATION_TEMPLATE_LANGUAGE_INVALID), only that email's variables
 * (400 NOTIFICATION_TEMPLATE_VARIABLE_UNKNOWN, with the variable), and the switch only where there is one.
 */
export function assertNotificationTemplate(input: NotificationTemplateInput): asserts input is NotificationTemplateInput & {
  template: ShopEmailTemplate
  language: EmailLanguage
} {
  if (!isShopEmailTemplate(input.template)) {
    throw maartError("NOT_FOUND", ErrorCodes.NOTIFICATION_TEMPLATE_UNKNOWN, `No shop email called ${input.template}.`, { template: input.template })
  }
  if (!isEmailLanguage(input.language)) {
    throw maartError(
      "INVALID_DATA",
      ErrorCodes.NOTIFICATION_TEMPLATE_LANGUAGE_INVALID,
      `Emails are written in ${EMAIL_LANGUAGES.join(", ")}, not ${input.language}.`,
      { language: input.language }
    )
  }
  assertKnownVariables(input.template, { subject: input.subject, intro: input.intro })
  if (input.enabled === false && !TEMPLATE_DEFINITIONS[input.template].can_disable) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${input.template} cannot be switched off: customers always get it.`)
  }
}

export const validateNotificationTemplateStep = createStep(validateNotificationTemplateStepId, async (input: NotificationTemplateInput) => {
  assertNotificationTemplate(input)
  return new StepResponse(input)
})
