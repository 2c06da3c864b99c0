import { expect, test } from "@playwright/test"
import { adminUrl, backendUrl, DEMO, errorScreen, errorToasts, expectNoErrorToast, PLATFORM_ADMIN, signIn, snap } from "./harness"

/**
 * The dashboard's Settings area as a vendor Owner sees it (docs/admin.md, "Settings"): the settings sidebar
 * offers only the pages the tenancy policy lets a member read (GET /admin/layouts/settings.sidebar/configuration),
 * each of them loads without the error screen or an error toast, and a write to the platform's store is refused
 * with one toast.
 */

// The settings pages whose lists are the platform's: hidden from a member's settings sidebar.
const HIDDEN = ["users", "tax-regions", "translations", "publishable-api-keys", "secret-api-keys", "workflows"]
const SHOWN = ["store", "regions", "return-reasons", "refund-reasons", "sales-channels", "product-types", "product-tags", "locations", "profile"]

test("a vendor Owner walks every Settings page its settings sidebar offers: each loads, none shows the error screen", async ({ browser }) => {
  const { page, errors } = await signIn(browser, DEMO.lumiere.owner)
  await page.goto(adminUrl("/settings"))
  await expect(page).toHaveURL(/\/app\/settings\/store$/)
  const settingsNav = page.locator("aside")
  const link = (name: string) => settingsNav.locator(`a[href$="/settings/${name}"]`)
  for (const name of SHOWN) {
    await expect(link(name), name).toHaveCount(1)
  }
  for (const name of HIDDEN) {
    await expect(link(name), name).toHaveCount(0)
  }

  // Settings › Store: the platform's store, read only for a member.
  await expect(page.getByText("Default currency")).toBeVisible()
  await expect(page.getByText("EUR", { exact: true }).first()).toBeVisible()
  await expectNoErrorToast(page)
  await expect(errorScreen(page)).toHaveCount(0)
  await snap(page, "settings-store-owner")

  const hrefs = await settingsNav.locator('a[href*="/settings/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!))
  expect(hrefs.length).toBeGreaterThanOrEqual(SHOWN.length)
  for (const href of hrefs) {
    await settingsNav.locator(`a[href="${href}"]`).click()
    await expect(page).toHaveURL(new RegExp(`${href}$`))
    await expectNoErrorToast(page)
    await expect(errorScreen(page), href).toHaveCount(0)
  }
  await snap(page, "settings-last-page-owner")
  expect(errors).toEqual([])

  // A hidden page typed by hand still reaches the dashboard's error screen (its list throws the 403): what the
  // walk above would have found, had the settings sidebar offered it — the check can fail.
  await page.goto(adminUrl("/settings/users"))
  await expect(errorScreen(page)).toHaveCount(1)

  // A write to the platform's store: refused (403), said once.
  await page.goto(adminUrl("/settings/store/edit"))
  const name = page.getByRole("dialog").locator('input[name="name"]')
  await name.fill("Not the platform's name")
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click()
  await expect(errorToasts(page)).toHaveCount(1)
  await expect(errorToasts(page)).toContainText("platform admins only")
  // Medusa's store form awaits mutateAsync, which rethrows after its onError toast: an unhandled rejection in
  // the console, not a screen. The users page typed by hand above refused its list (the dashboard retries it
  // once; under load those land here). Nothing else went wrong.
  const expected = [/^POST \/admin\/stores\/\S+ is for platform admins only\.$/, /^GET \/admin\/users is for platform admins only\.$/]
  expect(errors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([])
  await expect(errorScreen(page)).toHaveCount(0)
  await page.context().close()
})

// The lists whose records have a page of their own, with their records' id prefix.
const DETAILS = { regions: "reg_", "sales-channels": "sc_", locations: "sloc_", "product-types": "ptyp_", "product-tags": "ptag_" }

/** A platform-wide record made by the platform admin through the Admin API (the demo seed has no product types or tags). */
async function platformCreates(url: string, body: object) {
  const login = await fetch(`${backendUrl()}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(PLATFORM_ADMIN) })
  const { token } = await login.json()
  const res = await fetch(backendUrl() + url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) })
  expect(res.status, `POST ${url}`).toBe(200)
}

test("the Owner opens the first record of each settings list that has record pages: each loads", async ({ browser }) => {
  await platformCreates("/admin/product-types", { value: "Lamps" })
  await platformCreates("/admin/product-tags", { value: "brass" })
  const { page, errors } = await signIn(browser, DEMO.lumiere.owner)
  for (const [name, prefix] of Object.entries(DETAILS)) {
    await page.goto(adminUrl(`/settings/${name}`))
    const main = page.locator("main")
    // A record's link, or (Medusa UI's DataTable) a row that navigates on click.
    const record = main.locator(`a[href*="/settings/${name}/${prefix}"]`).first()
    const row = main.locator("table tbody tr").first()
    await expect(record.or(row).first(), name).toBeVisible()
    await ((await record.count()) ? record.click() : row.click())
    await expect(page, name).toHaveURL(new RegExp(`/settings/${name}/${prefix}[^/]+$`))
    await expectNoErrorToast(page)
    await expect(errorScreen(page), name).toHaveCount(0)
    await snap(page, `settings-${name}-record-owner`)
  }
  expect(errors).toEqual([])
  await page.context().close()
})
