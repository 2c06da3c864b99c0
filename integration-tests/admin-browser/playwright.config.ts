import path from "node:path"
import { defineConfig } from "@playwright/test"

/**
 * The admin dashboard's browser suite (`npm test` runs it as its "admin-browser" suite; alone:
 * `npx playwright test -c integration-tests/admin-browser`). One real Maart serving the built admin
 * (`medusa start` from .medusa/server) on a fresh database with the demo data, and one SMTP server catching its
 * emails, serve the whole run (global-setup.ts); Debian's Chromium drives it. Screenshots: test-artifacts/admin.
 */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/admin")

export default defineConfig({
  testDir: __dirname,
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  // The specs share one backend (and its logins); the machine has two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: path.join(ARTIFACTS, "results"),
  reporter: process.env.MAART_BROWSER_REPORT
    ? [["list"], ["json", { outputFile: process.env.MAART_BROWSER_REPORT }]]
    : [["list"]],
  use: {
    locale: "en-US",
    viewport: { width: 1440, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
})
