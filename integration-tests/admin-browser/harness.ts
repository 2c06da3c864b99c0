import fs from "node:fs"
import path from "node:path"
import { expect, type Browser, type Page } from "@playwright/test"
import { DEMO_PASSWORD, PLATFORM_ADMIN } from "./global-setup"
import { ARTIFACTS } from "./playwright.config"

export { DEMO_PASSWORD, PLATFORM_ADMIN }

/** The demo data as src/scripts/demo-vendors.ts seeds it. */
export const DEMO = {
  lumiere: { name: "Atelier Lumière", owner: "owner@lumiere.localhost", product: "Lampe de chevet en laiton" },
  velo: { name: "Vëlo Buttek", owner: "owner@velo.localhost", product: "Casque urbain" },
  // Editor at lumiere, Viewer at velo.
  staff: "staff@maart.localhost",
} as const

function required(name: string) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the suite through its config (global-setup.ts starts the server)`)
  return value
}

export const backendUrl = () => required("MAART_ADMIN_BACKEND")
/** A dashboard address: `adminUrl("/team")` → http://localhost:<port>/app/team. */
export const adminUrl = (pathname = "/") => `${backendUrl()}/app${pathname === "/" ? "" : pathname}`

/** A full-page screenshot under test-artifacts/admin (kept by CI, ignored by git). */
export async function snap(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/**
 * A signed-in dashboard in a browser context of its own (its own session cookie). Fails the test on an
 * error toast or an uncaught page error, which the dashboard shows for requests the user may not make.
 */
export async function signIn(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on("pageerror", (e) => errors.push(e.message))
  await page.goto(adminUrl("/login"))
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole("button", { name: /continue with email/i }).click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"))
  return { page, context, errors }
}

/** The dashboard's sidebar (the main navigation). */
export const sidebar = (page: Page) => page.locator("aside nav").first()

/** The error toasts on screen (@medusajs/ui's `toast.error`). */
export const errorToasts = (page: Page) => page.locator("[data-sonner-toast]").filter({ has: page.locator(".text-ui-tag-red-icon") })

/**
 * No error toast is showing once the page's requests are done (@medusajs/ui's toasts are Sonner custom toasts:
 * an error one is a `[data-sonner-toast]` holding the red `.text-ui-tag-red-icon`) — including the one retry the dashboard makes of a failed request, a second later.
 */
export async function expectNoErrorToast(page: Page) {
  await page.waitForLoadState("networkidle")
  await page.waitForTimeout(1_500)
  await page.waitForLoadState("networkidle")
  await expect(errorToasts(page)).toHaveCount(0)
}

/**
 * The dashboard's error screen (its route ErrorBoundary: a page whose request failed and threw), by the titles
 * it shows — "An error occurred", "400 - Bad request", "500 - Internal server error".
 */
export const errorScreen = (page: Page) => page.getByText(/^(An error occurred|400 - Bad request|500 - Internal server error)$/)

/** Emails Maart sent during the run, oldest first (global-setup.ts keeps them as files). */
export function mails(to?: string): { to: string[]; subject: string; text: string; html: string }[] {
  const dir = required("MAART_ADMIN_MAILDIR")
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")))
    .filter((m) => !to || m.to.includes(to))
}

/** Waits until an email to `to` matching `pattern` arrived; returns the first match of the pattern in its text. */
export async function mailLink(to: string, pattern: RegExp, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    for (const mail of mails(to).reverse()) {
      const found = `${mail.text ?? ""} ${mail.html ?? ""}`.match(pattern)
      if (found) return found[0]
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no email to ${to} with ${pattern} within ${timeoutMs} ms (got ${mails(to).length})`)
}
