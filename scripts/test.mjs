#!/usr/bin/env node
// `npm test`: unit, module-integration and HTTP-integration suites against a real
// PostgreSQL — the one at DB_HOST:DB_PORT when it answers, else an embedded one
// started for the run. Ends with the total over all suites: `N passed, N failed`.
// Then the storefront's browser suite (Playwright, integration-tests/browser) and `medusa build` as one more test.
// Extra arguments go to jest (e.g. `npm test -- health`, which skips the browser suite and the build);
// `--suite=unit` (or `browser`, `build`) picks one suite.
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { portOpen, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { MEDUSA_BIN, ROOT, STATE_DIR, loadDotEnv } from "./lib/runtime.mjs"

const SUITES = ["unit", "integration:modules", "integration:http"]
// `medusa build` type-checks against the types it generates from the modules (stricter than a
// plain tsc on a clean clone) and compiles the admin extensions: what `npm start` would refuse.
const BUILD = "build"
// Chromium against a real Maart and the built storefront (integration-tests/browser/global-setup.ts starts both).
const BROWSER = "browser"

async function main() {
  loadDotEnv()
  const args = process.argv.slice(2)
  const only = args.find((a) => a.startsWith("--suite="))?.slice("--suite=".length)
  const jestArgs = args.filter((a) => !a.startsWith("--suite="))

  // The test runner turns SSL on for any host but the literal "localhost".
  process.env.DB_HOST ||= "localhost"
  process.env.DB_PORT ||= "5432"
  process.env.DB_USERNAME ||= "postgres"
  process.env.DB_PASSWORD ??= ""
  let embedded = null
  if (!(await portOpen(process.env.DB_HOST, process.env.DB_PORT))) {
    embedded = await startEmbeddedPostgres({
      dir: path.join(STATE_DIR, "test-pg"),
      port: Number(process.env.MAART_TEST_PG_PORT || 54330),
    })
    Object.assign(process.env, {
      DB_HOST: embedded.host,
      DB_PORT: String(embedded.port),
      DB_USERNAME: embedded.user,
      DB_PASSWORD: embedded.password,
    })
    console.log(`[test] no PostgreSQL at the configured DB_HOST: using an embedded one on port ${embedded.port}`)
  }
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"

  const jestBin = path.join(ROOT, "node_modules", "jest", "bin", "jest.js")
  const totals = { passed: 0, failed: 0, skipped: 0 }
  let broken = false
  for (const suite of SUITES.filter((s) => !only || s === only)) {
    const report = path.join(STATE_DIR, `jest-${suite.replace(":", "-")}.json`)
    fs.mkdirSync(STATE_DIR, { recursive: true })
    fs.rmSync(report, { force: true })
    console.log(`\n[test] ── ${suite} ──`)
    const run = spawnSync(
      process.execPath,
      // One worker, files one after another (suites share the database server), recycled when it
      // grows past workerIdleMemoryLimit: each HTTP file boots a whole Medusa, and what one leaves in
      // memory would otherwise add up over the files.
      [jestBin, "--maxWorkers=1", "--forceExit", "--passWithNoTests", "--json", `--outputFile=${report}`, ...jestArgs],
      {
        cwd: ROOT,
        stdio: "inherit",
        env: { ...process.env, TEST_TYPE: suite, NODE_OPTIONS: "--experimental-vm-modules" },
      }
    )
    let r
    try {
      r = JSON.parse(fs.readFileSync(report, "utf8"))
    } catch {
      console.log(`[test] ${suite}: jest ended (exit ${run.status}) without a readable report`)
      broken = true
      continue
    }
    // A suite that fails to load has no test results: count it as one failure.
    const loadFailures = r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.length).length
    totals.passed += r.numPassedTests
    totals.failed += r.numFailedTests + loadFailures
    totals.skipped += r.numPendingTests + r.numTodoTests
    console.log(
      `[test] ${suite}: ${r.numPassedTests} passed, ${r.numFailedTests + loadFailures} failed, ` +
        `${r.numPendingTests} skipped in ${r.numTotalTestSuites} files`
    )
  }
  if ((!only || only === BROWSER) && !jestArgs.length) {
    const result = runBrowserSuite()
    if (result) {
      totals.passed += result.passed
      totals.failed += result.failed
      totals.skipped += result.skipped
    } else {
      broken = true
    }
  }
  if ((!only || only === BUILD) && !jestArgs.length) {
    console.log(`\n[test] ── ${BUILD} ──`)
    const build = spawnSync(process.execPath, [MEDUSA_BIN, "build"], { cwd: ROOT, stdio: "inherit", env: process.env })
    const ok = build.status === 0
    totals[ok ? "passed" : "failed"] += 1
    console.log(`[test] ${BUILD}: medusa build ${ok ? "succeeded" : `failed (exit ${build.status})`}`)
  }
  if (embedded) {
    await embedded.stop()
  }
  if (broken) {
    totals.failed += 1
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`)
  process.exit(totals.failed ? 1 : 0)
}

/** `playwright test` on the browser suite; its JSON report gives the counts (null when it has none). */
function runBrowserSuite() {
  const report = path.join(STATE_DIR, "playwright-browser.json")
  fs.rmSync(report, { force: true })
  console.log(`\n[test] ── ${BROWSER} ──`)
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "-c", "integration-tests/browser/playwright.config.ts"],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, MAART_BROWSER_REPORT: report } }
  )
  let r
  try {
    r = JSON.parse(fs.readFileSync(report, "utf8"))
  } catch {
    console.log(`[test] ${BROWSER}: playwright ended (exit ${run.status}) without a readable report`)
    return null
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = r.stats ?? {}
  // A failing global setup (no server) runs no test at all: one failure, not a silent zero.
  const setupFailed = (r.errors?.length ?? 0) > 0 && expected + unexpected + flaky === 0 ? 1 : 0
  const result = { passed: expected + flaky, failed: unexpected + setupFailed, skipped }
  console.log(`[test] ${BROWSER}: ${result.passed} passed, ${result.failed} failed, ${skipped} skipped`)
  return result
}

main().catch((e) => {
  console.error(e)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
