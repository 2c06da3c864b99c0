// Medusa's CLI as the launcher and the tests run it: one-off commands (migrations, the seed) and the
// server, started as its own process group and stopped — gently or with SIGKILL — as a whole.
import { spawn } from "node:child_process"
import { MEDUSA_BIN, ROOT } from "./runtime.mjs"

/** Runs `medusa <args>` to its end and resolves with its output; on failure prints it and rejects. */
export function runMedusa(args, { cwd = ROOT, env, label }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    const output = []
    child.stdout.on("data", (d) => output.push(d))
    child.stderr.on("data", (d) => output.push(d))
    child.on("exit", (code) => {
      if (code === 0) {
        return resolve(Buffer.concat(output).toString())
      }
      process.stderr.write(Buffer.concat(output))
      reject(new Error(`${label} failed (exit ${code})`))
    })
  })
}

/** Migrations, then the demo seed (which applies itself once); resolves with the seed's `[seed]` lines. */
export async function migrateAndSeed(env) {
  await runMedusa(["db:migrate", "--execute-safe-links"], { env, label: "medusa db:migrate" })
  const out = await runMedusa(["exec", "./src/scripts/seed.ts"], { env, label: "demo seed" })
  return out
    .split("\n")
    .filter((l) => l.includes("[seed]"))
    .map((l) => l.slice(l.indexOf("[seed]") + 7))
}

/**
 * Starts `medusa <args>` (start or develop) as the leader of a new process group: the CLI forks
 * children that hold the port, and stopMedusa signals them all at once.
 */
export function spawnMedusa(args, { cwd = ROOT, env, stdio = "inherit" }) {
  return spawn(process.execPath, [MEDUSA_BIN, ...args], { cwd, env, stdio, detached: true })
}

/** Resolves true once `url` answers 2xx; false after `timeoutMs` or as soon as `gaveUp()` says so. */
export async function waitForReady(url, { timeoutMs = 180_000, gaveUp = () => false } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !gaveUp()) {
    try {
      const res = await fetch(url)
      if (res.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

/**
 * Signals the whole process group of a spawnMedusa child and resolves when the child has exited.
 * SIGTERM gets `graceMs` before SIGKILL follows; SIGKILL is what a crash or the OOM killer does.
 */
export async function stopMedusa(child, { signal = "SIGTERM", graceMs = 10_000 } = {}) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const exited = new Promise((r) => child.once("exit", () => r(true)))
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig)
    } catch {
      // the group is gone already
    }
  }
  kill(signal)
  if (signal !== "SIGKILL" && !(await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), graceMs))]))) {
    kill("SIGKILL")
  }
  await exited
}
