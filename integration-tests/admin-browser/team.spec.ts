import { expect, test } from "@playwright/test"
import { adminUrl, backendUrl, DEMO, errorToasts, expectNoErrorToast, mailLink, sidebar, signIn, snap } from "./harness"

/**
 * A vendor team in the real dashboard (issue 8): the Owner's overview and team page, an invited Editor who joins
 * and sees only what the role allows, and a member of two shops switching between them. The tests run in order
 * on one backend: the Editor invited by one is the one the next signs in as.
 */
test.describe.configure({ mode: "serial" })

const EDITOR = { email: `editor-${Date.now().toString(36)}@lumiere.test`, password: "editor-pass-1" }

test("the Owner signs in to the Overview, sees the shop's sections only, and invites an Editor", async ({ browser }) => {
  const { page, errors } = await signIn(browser, DEMO.lumiere.owner)
  // Signing in lands on the Overview (widgets/vendor-login-landing.tsx), with the shop's figures.
  await expect(page).toHaveURL(/\/app\/dashboard$/)
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible()
  await expect(page.getByTestId("stat-orders")).toBeVisible()
  await expect(page.getByTestId("active-vendor-name")).toHaveText(DEMO.lumiere.name)
  const nav = sidebar(page)
  for (const entry of ["Overview", "Shop", "Team", "Orders", "Products", "Inventory", "Customers"]) {
    await expect(nav.getByRole("link", { name: entry, exact: true })).toBeVisible()
  }
  for (const entry of ["Promotions", "Price Lists"]) {
    await expect(nav.getByRole("link", { name: entry, exact: true })).toHaveCount(0)
  }
  await expectNoErrorToast(page)
  await snap(page, "dashboard-owner")

  await nav.getByRole("link", { name: "Team", exact: true }).click()
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible()
  await expect(page.getByTestId("team-member").filter({ hasText: DEMO.lumiere.owner })).toBeVisible()
  await page.getByRole("button", { name: "Invite" }).click()
  await page.getByLabel("Email").fill(EDITOR.email)
  await page.getByRole("combobox", { name: "Role" }).click()
  await page.getByRole("option", { name: "Editor", exact: true }).click()
  await page.getByRole("button", { name: "Send invitation" }).click()
  await expect(page.getByTestId("team-invite").filter({ hasText: EDITOR.email })).toContainText("pending")
  await expectNoErrorToast(page)
  await snap(page, "team-owner")

  // The same email again: the API refuses (INVITE_PENDING) and the page shows its message as an error toast —
  // the kind expectNoErrorToast looks for.
  await page.getByRole("button", { name: "Invite" }).click()
  await page.getByLabel("Email").fill(EDITOR.email)
  await page.getByRole("combobox", { name: "Role" }).click()
  await page.getByRole("option", { name: "Editor", exact: true }).click()
  await page.getByRole("button", { name: "Send invitation" }).click()
  await expect(errorToasts(page)).toHaveCount(1)
  await page.keyboard.press("Escape")

  // The custom-role editor: the permission catalogue grouped by area.
  await page.getByRole("button", { name: "New role" }).click()
  for (const area of ["team", "products", "orders", "imports", "settings", "analytics"]) {
    await expect(page.getByRole("group", { name: area })).toBeVisible()
  }
  await expect(page.getByRole("checkbox", { name: "products.edit" })).toBeVisible()
  await snap(page, "team-role-editor")
  await page.keyboard.press("Escape")

  await page.goto(adminUrl("/vendor"))
  await expect(page.getByRole("heading", { name: "Theme" })).toBeVisible()
  await expect(page.getByTestId("theme-preview")).toContainText(DEMO.lumiere.name)
  await expectNoErrorToast(page)
  await snap(page, "shop-settings-owner")
  expect(errors).toEqual([])
})

test("the invited Editor joins through the emailed link, and sees neither the team nor another shop's products", async ({ browser }) => {
  // The accept page (src/api/team/invite) is Maart's own, linked from the email.
  const link = await mailLink(EDITOR.email, /https?:\/\/[^\s"<>]+\/team\/invite\?token=[\w-]+/)
  const joinPage = await browser.newPage()
  const url = new URL(link)
  await joinPage.goto(`${backendUrl()}${url.pathname}${url.search}`)
  await joinPage.getByLabel("First name").fill("Eddi")
  await joinPage.getByLabel("Password").fill(EDITOR.password)
  await joinPage.getByRole("button", { name: "Create my account and join" }).click()
  await expect(joinPage.getByText("Welcome to the team")).toBeVisible()
  await joinPage.close()

  const { page, errors } = await signIn(browser, EDITOR.email, EDITOR.password)
  // An Editor has no analytics.view: the Overview sends them on to the catalog.
  await expect(page).toHaveURL(/\/app\/products/)
  await expect(page.getByTestId("active-vendor-name")).toHaveText(DEMO.lumiere.name)
  const nav = sidebar(page)
  await expect(nav.getByRole("link", { name: "Products", exact: true })).toBeVisible()
  for (const entry of ["Team", "Overview", "Promotions"]) {
    await expect(nav.getByRole("link", { name: entry, exact: true })).toHaveCount(0)
  }
  await expect(page.getByRole("link", { name: DEMO.lumiere.product }).or(page.getByText(DEMO.lumiere.product)).first()).toBeVisible()
  await expect(page.getByText(DEMO.velo.product)).toHaveCount(0)
  await expectNoErrorToast(page)
  await snap(page, "products-editor")

  // Every page the sidebar offers an Editor opens without an error toast.
  const entries = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")).filter((h): h is string => !!h))
  expect(entries.length).toBeGreaterThan(4)
  for (const href of entries) {
    await page.goto(`${backendUrl()}${href.startsWith("/app") ? href : `/app${href}`}`)
    await expectNoErrorToast(page)
  }

  // Typed in by hand, the team page says what is missing instead of failing.
  await page.goto(adminUrl("/team"))
  await expect(page.getByText("Your role does not include the team")).toBeVisible()
  await expectNoErrorToast(page)
  expect(errors).toEqual([])
})

test("a member of two shops starts in the older one, switches, and sees each shop's products only", async ({ browser }) => {
  const { page, errors } = await signIn(browser, DEMO.staff)
  // The session starts with the older membership (Editor at lumiere): no analytics.view, so Products.
  await expect(page).toHaveURL(/\/app\/products/)
  await expect(page.getByText(DEMO.lumiere.product).first()).toBeVisible()
  await expect(page.getByText(DEMO.velo.product)).toHaveCount(0)

  // The Shop page lists both memberships and switches.
  await page.goto(adminUrl("/vendor"))
  await expect(page.getByTestId("vendor-membership")).toHaveCount(2)
  await expect(page.getByTestId("vendor-membership").filter({ hasText: DEMO.lumiere.name })).toContainText("Active")
  await page.getByRole("button", { name: `Switch to ${DEMO.velo.name}` }).click()
  await expect(page.getByTestId("vendor-membership").filter({ hasText: DEMO.velo.name })).toContainText("Active")
  await expectNoErrorToast(page)
  await snap(page, "shop-switcher")

  await page.goto(adminUrl("/products"))
  await expect(page.getByText(DEMO.velo.product).first()).toBeVisible()
  await expect(page.getByText(DEMO.lumiere.product)).toHaveCount(0)

  // The switcher above the list: every cached query is reset, the list shows the other shop at once.
  await page.getByRole("combobox", { name: "Active shop" }).first().click()
  await page.getByRole("option", { name: DEMO.lumiere.name }).click()
  await expect(page.getByText(DEMO.lumiere.product).first()).toBeVisible()
  await expect(page.getByText(DEMO.velo.product)).toHaveCount(0)
  await expectNoErrorToast(page)
  await snap(page, "products-after-switch")
  expect(errors).toEqual([])
})
