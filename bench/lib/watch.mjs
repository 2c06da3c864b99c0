// Watching the Medusa server during a bench: its PID, memory, CPU, and what its database backends do.
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

const status = (pid) => fs.readFileSync(`/proc/${pid}/status`, "utf8")
const kB = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0) * 1024
export function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK // utime, stime
  } catch {
    return 0 // gone
  }
}

/**
 * From now until stop(): the server's peak RSS (VmHWM after resetting it, and the highest 200 ms
 * VmRSS sample), its CPU seconds, its PostgreSQL backends' CPU seconds, and samples of their
 * active statements.
 */
/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineCpu() {
  const [, ...t] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number)
  const total = t.slice(0, 8).reduce((a, b) => a + b, 0)
  return { busy: (total - t[3] - t[4]) / CLK_TCK, total: total / CLK_TCK } // minus idle, iowait
}

export async function watch(pid, db) {
  const rssBefore = kB(status(pid), "VmRSS")
  const machineBefore = machineCpu()
  const benchBefore = process.cpuUsage()
  fs.writeFileSync(`/proc/${pid}/clear_refs`, "5") // VmHWM := VmRSS
  const cpuBefore = cpuSeconds(pid)
  const backends = new Map()
  const trackBackends = async () => {
    const { rows } = await db.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    for (const { pid: p } of rows) if (!backends.has(p)) backends.set(p, { start: cpuSeconds(p), last: cpuSeconds(p) })
  }
  await trackBackends()
  let peakSample = rssBefore
  let samples = 0
  let busySamples = 0
  const statements = new Map()
  let sampling = false
  const timer = setInterval(async () => {
    if (sampling) return
    sampling = true
    try {
      peakSample = Math.max(peakSample, kB(status(pid), "VmRSS"))
      const { rows } = await db.query(
        `SELECT pid, regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS q, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`
      )
      samples++
      if (rows.length) busySamples++
      for (const r of rows) {
        const key = `${r.q} [${r.w}]`
        statements.set(key, (statements.get(key) ?? 0) + 1)
        if (!backends.has(r.pid)) backends.set(r.pid, { start: 0, last: 0 })
      }
      for (const [p, b] of backends) b.last = cpuSeconds(p) || b.last
    } catch {
      // a sample lost: the next one counts
    } finally {
      sampling = false
    }
  }, 200)
  return {
    async stop() {
      clearInterval(timer)
      while (sampling) await sleep(10)
      const st = status(pid)
      await trackBackends()
      for (const [p, b] of backends) b.last = cpuSeconds(p) || b.last
      const machine = machineCpu()
      const bench = process.cpuUsage(benchBefore)
      const serverCpu = cpuSeconds(pid) - cpuBefore
      const dbCpu = [...backends.values()].reduce((s, b) => s + Math.max(0, b.last - b.start), 0)
      return {
        rssBefore,
        peak: Math.max(kB(st, "VmHWM"), peakSample),
        peakSample,
        rssAfter: kB(st, "VmRSS"),
        serverCpu,
        dbCpu,
        benchCpu: (bench.user + bench.system) / 1e6,
        // Everything else the machine ran meanwhile (other PostgreSQL work, other jobs): contention.
        otherCpu: machine.busy - machineBefore.busy - serverCpu - dbCpu - (bench.user + bench.system) / 1e6,
        machineSeconds: machine.total - machineBefore.total,
        dbBusy: samples ? busySamples / samples : 0,
        topStatements: [...statements.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([q, n]) => ({ q, share: n / Math.max(1, samples) })),
      }
    },
  }
}
