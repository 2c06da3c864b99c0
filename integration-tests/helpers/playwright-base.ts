import path from "node:path"
import { defineConfig } from "@playwright/test"
import { CHROMIUM_PATH } from "./browser"

/** Debian's Chromium as the browser suites run it: headless, no sandbox (containers), no background traffic. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
]

type BrowserSuite = {
  /** The suite's folder: its *.spec.ts files and global-setup.ts. */
  dir: string
  /** Where screenshots and failure traces go. */
  artifacts: string
  timeout: number
  expectTimeout: number
  viewport?: { width: number; height: number }
  chromiumArgs?: string[]
}

/**
 * The Playwright configuration of a browser suite (the storefront's, the admin's): one backend started by the
 * suite's global set-up serves every spec, so one worker and no parallelism (the machine has two cores);
 * `MAART_BROWSER_REPORT` adds the JSON report scripts/test.mjs counts.
 */
export function browserSuiteConfig({ dir, artifacts, timeout, expectTimeout, viewport, chromiumArgs = [] }: BrowserSuite) {
  return defineConfig({
    testDir: dir,
    testMatch: "*.spec.ts",
    globalSetup: path.join(dir, "global-setup.ts"),
    workers: 1,
    fullyParallel: false,
    retries: 0,
    timeout,
    expect: { timeout: expectTimeout },
    outputDir: path.join(artifacts, "results"),
    reporter: process.env.MAART_BROWSER_REPORT ? [["list"], ["json", { outputFile: process.env.MAART_BROWSER_REPORT }]] : [["list"]],
    use: {
      locale: "en-US",
      ...(viewport ? { viewport } : {}),
      screenshot: "only-on-failure",
      trace: "retain-on-failure",
      launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...chromiumArgs] },
    },
  })
}
