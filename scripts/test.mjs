#!/usr/bin/env node
// `npm test`: unit, module-integration and HTTP-integration suites against a real
// PostgreSQL — the one at DB_HOST:DB_PORT when it answers, else an embedded one
// started for the run. Ends with the total over all suites: `N passed, N failed`.
// Then `medusa build` as one more test, the storefront's browser suite (Playwright, integration-tests/browser) and
// the admin dashboard's (integration-tests/admin-browser), which serves the build just made instead of making its own.
// Extra arguments go to jest (e.g. `npm test -- health`, which skips the browser suite and the build);
// `--suite=unit` (or `browser`, `admin-browser`, `build`) picks one suite.
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
// Chromium against a real Maart serving the built admin dashboard (integration-tests/admin-browser/global-setup.ts).
const ADMIN_BROWSER = "admin-browser"

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
    console.log(`\n[test] ── ${suite} ──`)
    // The HTTP files of a full run in two passes: most side by side (each boots its own Medusa on its own
    // database), then those marked `@maart-serial` one at a time (see serialSpecs).
    const serial = suite === "integration:http" && !jestArgs.length ? serialSpecs() : []
    const passes = serial.length
      ? [
          { name: "parallel", workers: TEST_WORKERS, args: ["--testPathIgnorePatterns", ...serial.map(escapeRegExp)] },
          { name: "serial", workers: 1, args: ["--runTestsByPath", ...serial] },
        ]
      : [{ name: "", workers: 1, args: jestArgs }]
    for (const pass of passes) {
      const label = pass.name ? `${suite} (${pass.name}, ${pass.workers} worker${pass.workers > 1 ? "s" : ""})` : suite
      if (pass.name) {
        console.log(`[test] ${label}`)
      }
      const r = runJest(jestBin, suite, pass.workers, pass.args, pass.name)
      if (!r) {
        broken = true
        continue
      }
      // A suite that fails to load has no test results: count it as one failure.
      const loadFailures = r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.length).length
      totals.passed += r.numPassedTests
      totals.failed += r.numFailedTests + loadFailures
      totals.skipped += r.numPendingTests + r.numTodoTests
      console.log(
        `[test] ${label}: ${r.numPassedTests} passed, ${r.numFailedTests + loadFailures} failed, ` +
          `${r.numPendingTests} skipped in ${r.numTotalTestSuites} files`
      )
    }
  }
  // The build first: the admin browser suite serves what it built (one admin build per run).
  let built = false
  if ((!only || only === BUILD) && !jestArgs.length) {
    console.log(`\n[test] ── ${BUILD} ──`)
    const build = spawnSync(process.execPath, [MEDUSA_BIN, "build"], { cwd: ROOT, stdio: "inherit", env: process.env })
    built = build.status === 0
    totals[built ? "passed" : "failed"] += 1
    console.log(`[test] ${BUILD}: medusa build ${built ? "succeeded" : `failed (exit ${build.status})`}`)
  }
  for (const [suite, config, env] of [
    [BROWSER, "integration-tests/browser/playwright.config.ts", {}],
    // Without a build of this run (`--suite=admin-browser`, or the build failed) the suite builds for itself.
    [ADMIN_BROWSER, "integration-tests/admin-browser/playwright.config.ts", built ? { MAART_ADMIN_BUILD: "reuse" } : {}],
  ]) {
    if ((only && only !== suite) || jestArgs.length) {
      continue
    }
    const result = runBrowserSuite(suite, config, env)
    if (result) {
      totals.passed += result.passed
      totals.failed += result.failed
      totals.skipped += result.skipped
    } else {
      broken = true
    }
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

/** Jest workers for the HTTP files that may run side by side (each worker boots its own Medusa). */
const TEST_WORKERS = Math.max(1, Number(process.env.MAART_TEST_WORKERS || 2))

/**
 * One jest run of a suite; its JSON report (null when it wrote none). Workers are recycled when they grow past
 * workerIdleMemoryLimit: each HTTP file boots a whole Medusa, and what one leaves in memory would add up.
 */
function runJest(jestBin, suite, workers, args, pass) {
  const report = path.join(STATE_DIR, `jest-${suite.replace(":", "-")}${pass ? `-${pass}` : ""}.json`)
  fs.mkdirSync(STATE_DIR, { recursive: true })
  fs.rmSync(report, { force: true })
  const run = spawnSync(
    process.execPath,
    [jestBin, `--maxWorkers=${workers}`, "--forceExit", "--passWithNoTests", "--json", `--outputFile=${report}`, ...args],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, TEST_TYPE: suite, NODE_OPTIONS: "--experimental-vm-modules" } }
  )
  try {
    return JSON.parse(fs.readFileSync(report, "utf8"))
  } catch {
    console.log(`[test] ${suite}: jest ended (exit ${run.status}) without a readable report`)
    return null
  }
}

/**
 * HTTP spec files that must not share the machine with another: their docblock says `@maart-serial` (and why) —
 * they use the shared Redis, start processes or servers of their own, or measure races and time-outs that a
 * second Medusa booting beside them would distort.
 */
function serialSpecs() {
  const dir = path.join(ROOT, "integration-tests", "http")
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(".spec.ts"))
    .map((file) => path.join(dir, file))
    .filter((file) => /^\s*(\/\*\*[\s\S]*?@maart-serial[\s\S]*?\*\/)/.test(fs.readFileSync(file, "utf8").slice(0, 4000)))
    .sort()
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** `playwright test` on a browser suite; its JSON report gives the counts (null when it has none). */
function runBrowserSuite(suite, config, env = {}) {
  const report = path.join(STATE_DIR, `playwright-${suite}.json`)
  fs.rmSync(report, { force: true })
  console.log(`\n[test] ── ${suite} ──`)
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "-c", config],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env, MAART_BROWSER_REPORT: report } }
  )
  let r
  try {
    r = JSON.parse(fs.readFileSync(report, "utf8"))
  } catch {
    console.log(`[test] ${suite}: playwright ended (exit ${run.status}) without a readable report`)
    return null
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = r.stats ?? {}
  // A failing global setup (no server) runs no test at all: one failure, not a silent zero.
  const setupFailed = (r.errors?.length ?? 0) > 0 && expected + unexpected + flaky === 0 ? 1 : 0
  const result = { passed: expected + flaky, failed: unexpected + setupFailed, skipped }
  console.log(`[test] ${suite}: ${result.passed} passed, ${result.failed} failed, ${skipped} skipped`)
  return result
}

main().catch((e) => {
  console.error(e)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
