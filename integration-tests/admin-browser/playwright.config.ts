import path from "node:path"
import { browserSuiteConfig } from "../helpers/playwright-base"

/**
 * The admin dashboard's browser suite (`npm test` runs it as its "admin-browser" suite; alone:
 * `npx playwright test -c integration-tests/admin-browser`). One real Maart serving the built admin
 * (`medusa start` from .medusa/server) on a fresh database with the demo data, and one SMTP server catching its
 * emails, serve the whole run (global-setup.ts); Debian's Chromium drives it. Screenshots: test-artifacts/admin.
 */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/admin")

export default browserSuiteConfig({
  dir: __dirname,
  artifacts: ARTIFACTS,
  timeout: 90_000,
  expectTimeout: 15_000,
  viewport: { width: 1440, height: 900 },
})
