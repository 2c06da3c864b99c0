#!/usr/bin/env node
// `npm test`: unit, module-integration and HTTP-integration suites against a real
// PostgreSQL — the one at DB_HOST:DB_PORT when it answers, else an embedded one
// started for the run. Ends with the total over all suites: `N passed, N failed`.
// Then `medusa build` as one more test. Extra arguments go to jest (e.g. `npm test -- health`,
// which skips the build); `--suite=unit` (or `build`) picks one suite.
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { portOpen, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { MEDUSA_BIN, ROOT, STATE_DIR, loadDotEnv } from "./lib/runtime.mjs"

const SUITES = ["unit", "integration:modules", "integration:http"]
// `medusa build` type-checks against the types it generates from the modules (stricter than a
// plain tsc on a clean clone) and compiles the admin extensions: what `npm start` would refuse.
const BUILD = "build"

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

main().catch((e) => {
  console.error(e)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
