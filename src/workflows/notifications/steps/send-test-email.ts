import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendEmail } from "../../../lib/emails"
import { renderShopEmailSample, type SampleInput } from "../shop-email-sample"

export const sendTestEmailStepId = "send-test-email"

export type SendTestEmailInput = SampleInput & { to: string; user_id: string }

/**
 * Sends one of the shop's emails, with the sample order, to the member who asked (their own address,
 * never one they type), through the notification module — so it shows in the shop's log, marked `test`.
 * A failed send throws (the editor shows it). No compensation: a sent email cannot be recalled.
 */
export const sendTestEmailStep = createStep(sendTestEmailStepId, async (input: SendTestEmailInput, { container }) => {
  const email = await renderShopEmailSample(container, input)
  const notification = await sendEmail(container, {
    to: input.to,
    template: input.template,
    email,
    data: { vendor_id: input.vendor_id, language: input.language, test: true },
    record: { receiver_id: input.user_id, trigger_type: "template-test" },
  })
  return new StepResponse({ id: notification.id, to: notification.to, status: notification.status })
})
