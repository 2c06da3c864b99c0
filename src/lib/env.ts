/**
 * Reading Maart's environment: one place for the rules every entry point
 * (medusa-config, the launcher, the tests) must agree on.
 */

export type WorkerMode = "shared" | "server" | "worker"

const WORKER_MODES: WorkerMode[] = ["shared", "server", "worker"]

/** Secrets Medusa signs tokens and cookies with; production refuses to start without them. */
export const REQUIRED_PRODUCTION_SECRETS = ["JWT_SECRET", "COOKIE_SECRET"] as const

/**
 * Throws with one clear message naming every missing secret when running in
 * production. Outside production Medusa falls back to its development secret.
 */
export function assertProductionSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== "production") {
    return
  }
  const missing = REQUIRED_PRODUCTION_SECRETS.filter((name) => !env[name]?.trim())
  if (missing.length) {
    throw new Error(
      `Maart refuses to start in production without ${missing.join(" and ")}. ` +
        `Set ${missing.length > 1 ? "them" : "it"} to long random strings (see .env.template).`
    )
  }
}

export function workerMode(env: NodeJS.ProcessEnv = process.env): WorkerMode {
  const mode = (env.MEDUSA_WORKER_MODE || "shared") as WorkerMode
  if (!WORKER_MODES.includes(mode)) {
    throw new Error(
      `MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")}; got "${env.MEDUSA_WORKER_MODE}".`
    )
  }
  return mode
}

/** "true"/"1"/"yes" → true, "false"/"0"/"no" → false, anything else → the fallback. */
export function envFlag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") {
    return fallback
  }
  if (/^(true|1|yes|on)$/i.test(value)) {
    return true
  }
  if (/^(false|0|no|off)$/i.test(value)) {
    return false
  }
  return fallback
}

/** Where people reach this Maart (links in emails): MAART_PUBLIC_URL, default the local server. */
export const publicUrl = (env: NodeJS.ProcessEnv = process.env) => (env.MAART_PUBLIC_URL || "http://localhost:9000").replace(/\/+$/, "")

/** How long a team invitation stays valid, in hours (TEAM_INVITE_TTL_HOURS, default 72). */
export function teamInviteTtlHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.TEAM_INVITE_TTL_HOURS || 72)
  return Number.isFinite(hours) && hours > 0 ? hours : 72
}

/**
 * How failed order emails are retried (src/jobs/retry-order-notifications.ts): at most
 * ORDER_EMAIL_MAX_ATTEMPTS sends in all (default 5), the n-th retry ORDER_EMAIL_RETRY_SECONDS × 2^(n-1)
 * after the attempt before it (default 60 s: 1, 2, 4, 8 minutes).
 */
export function orderEmailRetry(env: NodeJS.ProcessEnv = process.env): { max_attempts: number; base_delay_seconds: number } {
  const attempts = Number(env.ORDER_EMAIL_MAX_ATTEMPTS || 5)
  const delay = Number(env.ORDER_EMAIL_RETRY_SECONDS ?? 60)
  return {
    max_attempts: Number.isInteger(attempts) && attempts >= 1 ? attempts : 5,
    base_delay_seconds: env.ORDER_EMAIL_RETRY_SECONDS !== "" && Number.isFinite(delay) && delay >= 0 ? delay : 60,
  }
}
