import { expect, test } from "@playwright/test"
import { DEMO, expectNoErrorToast, mails, sidebar, signIn, snap } from "./harness"

/**
 * The shop's emails in the real dashboard (docs/admin.md, "Notifications"): the lumiere Owner rewords the order
 * confirmation, sees it in the live preview, saves it, sends a test to their own address, and finds it in the
 * log. Runs on the suite's one backend; it changes only lumiere's French order-confirmation subject and puts it
 * back to the default at the end, so the other specs see the built-in texts.
 */
test.describe.configure({ mode: "serial" })

const SUBJECT = "Merci {{customer.first_name}} ! Commande {{order.display_id}} chez {{shop.name}}"

test("the Owner edits the order confirmation's subject, previews it, sends a test and opens the log", async ({ browser }) => {
  const { page, errors } = await signIn(browser, DEMO.lumiere.owner)
  await sidebar(page).getByRole("link", { name: "Notifications", exact: true }).click()
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible()

  const confirmation = page.getByTestId("template-order-confirmation")
  await expect(confirmation).toContainText("FR default")
  await confirmation.getByRole("button", { name: "Edit" }).click()
  await expect(page.getByTestId("preview-subject")).toHaveText(/^Votre commande n° 1001 chez Atelier Lumière$/)

  await page.getByLabel("Subject").fill(SUBJECT)
  // The preview follows the draft (rendered by the API with the sample order and the shop's name).
  await expect(page.getByTestId("preview-subject")).toHaveText(`Merci Léa ! Commande 1001 chez ${DEMO.lumiere.name}`)
  await expect(page.frameLocator('iframe[title="Email preview"]').getByText("Lampe Opaline (Blanc)")).toBeVisible()
  // An unknown variable: the API's message names it.
  await page.getByLabel("Subject").fill("{{customer.password}}")
  await expect(page.getByText(/\{\{customer\.password\}\} is not a variable of order-confirmation/)).toBeVisible()
  await page.getByLabel("Subject").fill(SUBJECT)
  await expect(page.getByTestId("preview-subject")).toHaveText(`Merci Léa ! Commande 1001 chez ${DEMO.lumiere.name}`)
  await snap(page, "notification-templates")

  await page.getByRole("button", { name: "Save" }).click()
  await expect(page.getByText("Template saved")).toBeVisible()
  const before = mails(DEMO.lumiere.owner).length
  await page.getByRole("button", { name: "Send test to me" }).click()
  await expect(page.getByText("Test email sent to you")).toBeVisible()
  await expect.poll(() => mails(DEMO.lumiere.owner).length, { timeout: 15_000 }).toBe(before + 1)
  expect(mails(DEMO.lumiere.owner).at(-1)!.subject).toBe(`Merci Léa ! Commande 1001 chez ${DEMO.lumiere.name}`)
  await page.keyboard.press("Escape")
  await expect(confirmation).toContainText("FR custom")

  await page.getByRole("tab", { name: "Log" }).click()
  const row = page.getByRole("row").filter({ hasText: "order-confirmation (test)" }).first()
  await expect(row).toContainText(DEMO.lumiere.owner)
  await expect(row).toContainText("success")
  await row.click()
  await expect(page.getByRole("dialog").getByText("attempt 1 of 1", { exact: false })).toBeVisible()
  await snap(page, "notification-log")
  await page.keyboard.press("Escape")
  await expectNoErrorToast(page)
  expect(errors).toEqual([])

  // Back to the built-in text for the other specs.
  await page.getByRole("tab", { name: "Templates" }).click()
  await confirmation.getByRole("button", { name: "Edit" }).click()
  await page.getByRole("button", { name: "Reset to default" }).click()
  await expect(page.getByText("Back to the default text")).toBeVisible()
  await page.keyboard.press("Escape")
  await expect(confirmation).toContainText("FR default")
})
