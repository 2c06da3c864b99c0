import path from "node:path"
import { defineConfig } from "@playwright/test"

/**
 * The storefront's browser suite (`npm test` runs it as its "browser" suite; alone:
 * `npx playwright test -c integration-tests/browser`). One real Maart backend on a fresh database with the demo
 * data and one built storefront serve the whole run (global-setup.ts); Debian's Chromium drives it.
 */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/storefront")

export default defineConfig({
  testDir: __dirname,
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  // The specs share one backend and one storefront; the machine has two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: path.join(ARTIFACTS, "results"),
  reporter: process.env.MAART_BROWSER_REPORT
    ? [["list"], ["json", { outputFile: process.env.MAART_BROWSER_REPORT }]]
    : [["list"]],
  use: {
    locale: "en-US",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      // No downloads, no background traffic; *.maart.test (the suite's PLATFORM_DOMAIN) is loopback.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP *.maart.test 127.0.0.1",
      ],
    },
  },
})
