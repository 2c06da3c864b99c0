import path from "node:path"
import { browserSuiteConfig } from "../helpers/playwright-base"

/**
 * The storefront's browser suite (`npm test` runs it as its "browser" suite; alone:
 * `npx playwright test -c integration-tests/browser`). One real Maart backend on a fresh database with the demo
 * data and one built storefront serve the whole run (global-setup.ts); Debian's Chromium drives it.
 */
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/storefront")

export default browserSuiteConfig({
  dir: __dirname,
  artifacts: ARTIFACTS,
  timeout: 60_000,
  expectTimeout: 10_000,
  // *.maart.test (the suite's PLATFORM_DOMAIN) is loopback.
  chromiumArgs: ["--host-resolver-rules=MAP *.maart.test 127.0.0.1"],
})
