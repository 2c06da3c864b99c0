import { expect, test } from "@playwright/test"
import { adminUrl, expectNoErrorToast, PLATFORM_ADMIN, signIn, snap } from "./harness"

/** Platform › Monitoring (issue 8; the seed's static/admin/monitoring.html): the super-admin's system monitoring. */
test("a platform admin opens Monitoring from the Platform page: every check ok, jobs, routes, refreshed every 10 s", async ({ browser }) => {
  const { page, errors } = await signIn(browser, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
  await page.goto(adminUrl("/platform"))
  await page.getByRole("link", { name: /^Monitoring/ }).first().click()
  await expect(page).toHaveURL(/\/app\/platform\/monitoring$/)
  await expect(page.getByRole("heading", { name: "Monitoring", level: 1 })).toBeVisible()

  // The suite's Maart runs without Redis: the database and the search module's index are checked.
  await expect(page.getByTestId("check-database")).toContainText("ok")
  await expect(page.getByTestId("check-search")).toContainText("ok")
  await expect(page.getByText("All checks ok")).toBeVisible()
  await expect(page.getByTestId("jobs-import")).toBeVisible()
  await expect(page.getByTestId("jobs-publish")).toBeVisible()
  // The routes table: this instance's route patterns (slowest first).
  const routeRows = page.locator("table").last().locator("tbody tr")
  await expect(routeRows.first()).toContainText(/^(GET|POST|DELETE|OPTIONS|HEAD) (\/|unmatched)/)
  await expect(page.getByRole("link", { name: "Prometheus metrics (/metrics)" })).toHaveAttribute("href", "/metrics")

  // The page refetches on its own: "Last updated" moves within one interval (and a bit).
  const updated = page.getByTestId("monitoring-updated")
  const first = await updated.textContent()
  await expect(updated).not.toHaveText(first ?? "", { timeout: 15_000 })

  await expectNoErrorToast(page)
  await snap(page, "platform-monitoring")
  expect(errors).toEqual([])
  await page.context().close()
})
