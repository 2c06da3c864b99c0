// Watching the Medusa server during a bench: its PID, peak RSS, CPU seconds, and its PostgreSQL backends' CPU.
import { execFileSync } from "node:child_process"
import fs from "node:fs"

const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString()) || 100
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export function serverPid(port) {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`]).toString()
  const pid = Number(/pid=(\d+)/.exec(out)?.[1])
  if (!pid) throw new Error(`no process listens on port ${port}:\n${out}`)
  return pid
}

const kB = (pid, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
  } catch {
    return 0
  }
}

/** From now until stop(): the server's RSS before and at its peak (VmHWM reset, and 200 ms samples), its CPU and its backends' CPU. */
export async function watch(pid, db) {
  const rssBefore = kB(pid, "VmRSS")
  fs.writeFileSync(`/proc/${pid}/clear_refs`, "5") // VmHWM := VmRSS
  const cpuBefore = cpuSeconds(pid)
  const backends = new Map()
  const track = async () => {
    const { rows } = await db.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    for (const { pid: p } of rows) if (!backends.has(p)) backends.set(p, { start: cpuSeconds(p), last: cpuSeconds(p) })
    for (const [p, b] of backends) b.last = cpuSeconds(p) || b.last
  }
  await track()
  let peakSample = rssBefore
  let busy = false
  const timer = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      peakSample = Math.max(peakSample, kB(pid, "VmRSS"))
      await track()
    } catch {
      // a lost sample
    } finally {
      busy = false
    }
  }, 200)
  return {
    async stop() {
      clearInterval(timer)
      while (busy) await sleep(10)
      await track()
      return {
        rssBefore,
        peak: Math.max(kB(pid, "VmHWM"), peakSample),
        serverCpu: cpuSeconds(pid) - cpuBefore,
        dbCpu: [...backends.values()].reduce((s, b) => s + Math.max(0, b.last - b.start), 0),
      }
    },
  }
}
