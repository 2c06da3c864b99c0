import { expect, test } from "@playwright/test"
import { FAKE_STRIPE_KEY } from "../helpers/fake-stripe"
import { platformAdmin, shopUrl, snap } from "./harness"

/**
 * Card payment with Stripe's Payment Element, against the FAKE Stripe API and FAKE Stripe.js of
 * integration-tests/helpers/fake-stripe.ts (no internet here): the backend's Stripe provider talks to the fake API,
 * the browser loads the fake Stripe.js from the storefront's STRIPE_JS_URL and confirms the PaymentIntent with the
 * publishable key and client secret, as Stripe.js does. The shop has a Stripe Connect account, so the intent is a
 * destination charge on it. A guest buys (the storefront suite's shopper keeps an empty history at Vëlo).
 */

const ACCOUNT = "acct_1BrowserLumiere"
const PRODUCT = "Bougie parfumée Moselle"

test("a guest at Atelier Lumière pays by card: a declined card is refused, a good one places the order on the shop's Stripe account", async ({ page }) => {
  const admin = await platformAdmin()
  const { vendors } = await admin.get("/admin/vendors?handle=lumiere")
  await admin.post(`/admin/vendors/${vendors[0].id}`, { stripe_account_id: ACCOUNT })

  await page.goto(shopUrl("lumiere", "/products"))
  await page.getByTestId("product-card").filter({ hasText: PRODUCT }).getByRole("link").first().click()
  await page.getByRole("button", { name: "Add to cart" }).click()
  await expect(page.getByTestId("cart-count")).toHaveText("1")
  await page.goto(shopUrl("lumiere", "/checkout"))
  await page.getByLabel("Email", { exact: true }).fill(`card-${Date.now().toString(36)}@example.com`)
  await page.getByLabel("First name", { exact: true }).fill("Jang")
  await page.getByLabel("Last name", { exact: true }).fill("Weber")
  await page.getByLabel("Street and number", { exact: true }).fill("3 Grand-Rue")
  await page.getByLabel("Postal code", { exact: true }).fill("1660")
  await page.getByLabel("City", { exact: true }).fill("Luxembourg")
  await page.getByRole("group", { name: "Delivery", exact: true }).getByRole("radio").first().check()
  await page.getByRole("button", { name: "Continue to payment" }).click()

  // The manual payment stays the preselected one; the card is offered beside it.
  await expect(page.getByRole("radio", { name: "Pay on delivery or by bank transfer" })).toBeChecked()
  await page.getByRole("radio", { name: "Card (Stripe)" }).check()
  await page.getByRole("button", { name: "Place order" }).click()
  await expect(page).toHaveURL(/\/checkout\?step=card$/)
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible()
  const cardNumber = page.getByLabel("Card number")
  await expect(cardNumber).toBeVisible()
  await snap(page, "lumiere-checkout-card")

  // Declined by Stripe: said on the page, no order.
  await cardNumber.fill("4000 0000 0000 0002")
  await page.getByRole("button", { name: "Pay and place order" }).click()
  await expect(page.getByRole("alert")).toContainText("The card payment did not go through: Your card was declined.")
  await expect(page).toHaveURL(/\/checkout\?step=card$/)

  // A good card: Stripe.js confirms the intent, then the storefront completes the cart.
  await cardNumber.fill("4242 4242 4242 4242")
  const confirmed = page.waitForResponse((r) => /\/v1\/payment_intents\/[^/]+\/confirm$/.test(new URL(r.url()).pathname) && r.status() === 200)
  await page.getByRole("button", { name: "Pay and place order" }).click()
  const intentId = new URL((await confirmed).url()).pathname.split("/")[3]
  await expect(page).toHaveURL(/\/orders\/[^/]+\/confirmed/, { timeout: 30_000 })
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible()
  await expect(page.getByRole("main")).toContainText(PRODUCT)
  await snap(page, "lumiere-order-confirmed-card")

  // What Stripe holds: a destination charge on the shop's account, authorized for capture by the shop's team.
  const res = await fetch(`${process.env.MAART_BROWSER_STRIPE}/v1/payment_intents/${intentId}`, { headers: { authorization: `Bearer ${FAKE_STRIPE_KEY}` } })
  const intent = await res.json()
  expect(intent).toMatchObject({ status: "requires_capture", on_behalf_of: ACCOUNT, transfer_data: { destination: ACCOUNT }, payment_method: "pm_card_visa" })
})
