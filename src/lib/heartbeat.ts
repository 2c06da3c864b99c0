/**
 * The liveness of background jobs (imports, publishes): a running job keeps a heartbeat; a job
 * without one for its stale period is taken for dead, and a resume job picks it up.
 */

const DEFAULT_STALE_SECONDS = 120

/** The setting of each kind of job's stale period (seconds). */
const STALE_SETTINGS = { import: "MARKETPLACE_IMPORT_STALE_SECONDS", publish: "MARKETPLACE_PUBLISH_STALE_SECONDS" } as const

/**
 * A kind of job's stale period (default 2 minutes), in milliseconds. Well above a heartbeat's interval
 * (a quarter of it), so a loaded machine does not make a live job look dead.
 */
export function staleAfterMs(kind: keyof typeof STALE_SETTINGS, env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env[STALE_SETTINGS[kind]] || DEFAULT_STALE_SECONDS)
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_STALE_SECONDS) * 1000
}

/**
 * How often to look for dead jobs: every minute, or twice per stale period when that is shorter — a
 * job is then picked up at most 1.5 stale periods after its last heartbeat, whenever its process died.
 */
export function resumeEveryMs(staleMs: number): number {
  return Math.min(60_000, Math.max(1000, Math.round(staleMs / 2)))
}

/**
 * Keeps a job's heartbeat fresh on a timer while its process lives, four times per stale period,
 * however long one batch or chunk takes: only a dead process goes stale, so a slow live job is never
 * taken for dead and run twice at once. Returns the function that stops it.
 */
export function keepHeartbeat(beat: () => Promise<unknown>, staleMs: number, onError: (e: Error) => void): () => void {
  const timer = setInterval(() => void beat().catch(onError), Math.max(250, Math.floor(staleMs / 4)))
  // A pending beat never keeps a process alive that has nothing else to do.
  timer.unref()
  return () => clearInterval(timer)
}
