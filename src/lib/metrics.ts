import crypto from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client"
import { JOB_STATUSES } from "../modules/marketplace/job-status"
import { getRedis } from "./redis"

/**
 * The process's Prometheus metrics. Each instance (server or worker) keeps its
 * own registry and answers for itself on GET /metrics: Prometheus scrapes every
 * instance and sums across them (docs/runbook.md, "Metrics and logs"). A worker
 * serves no API routes: its /metrics is answered by the server hook in request-timing.ts.
 */
export type Metrics = {
  registry: Registry
  httpDuration: Histogram<"method" | "route" | "status">
  importRows: Counter
}

// One set per process, whichever copy of this file (medusa-config, routes) asks first.
const KEY = Symbol.for("maart.metrics")
const holder = globalThis as typeof globalThis & { [KEY]?: Metrics }

// Medusa's Redis event bus queue: named in @medusajs/event-bus-redis (eventBusRedisQueueName, default
// "events-queue"), with the service's class name as BullMQ prefix.
const EVENT_QUEUE = { name: "events-queue", prefix: "RedisEventBusService" }

/** Whether an Authorization header carries METRICS_TOKEN (false when none is configured). */
export function hasMetricsToken(authorization: string | undefined): boolean {
  const token = process.env.METRICS_TOKEN
  const given = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]
  if (!token || !given) {
    return false
  }
  const digest = (s: string) => crypto.createHash("sha256").update(s).digest()
  return crypto.timingSafeEqual(digest(given), digest(token))
}

/**
 * The registry in Prometheus text format, each metric collected on its own: one whose collect fails (the
 * event-bus gauge while Redis is down) is left out with a comment line, where `registry.metrics()` would fail
 * the whole scrape — and Prometheus would lose every other figure exactly when they matter.
 */
export async function exposition(registry: Registry): Promise<string> {
  const parts = await Promise.all(
    registry.getMetricsAsArray().map(async ({ name }) => {
      try {
        return await registry.getSingleMetricAsString(name)
      } catch (e) {
        return `# ${name} not collected: ${String((e as Error)?.message ?? e).replace(/\s+/g, " ").slice(0, 200)}`
      }
    })
  )
  return `${parts.join("\n\n")}\n`
}

export function metrics(): Metrics {
  if (!holder[KEY]) {
    holder[KEY] = createMetrics()
  }
  return holder[KEY]
}

function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const m: Metrics = {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration, by method, matched route pattern (never the raw URL) and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    // rows/s is rate(maart_import_rows_processed_total[1m]).
    importRows: new Counter({
      name: "maart_import_rows_processed_total",
      help: "Feed rows read by imports on this instance (counted at each progress write)",
      registers: [registry],
    }),
  }
  const db = () => {
    // Required at scrape time: medusa-config loads this file before the framework has booted.
    const { container } = require("@medusajs/framework") as { container: MedusaContainer }
    return container.hasRegistration(ContainerRegistrationKeys.PG_CONNECTION) ? container.resolve(ContainerRegistrationKeys.PG_CONNECTION) : undefined
  }

  new Gauge({
    name: "maart_jobs",
    help: "Import and publish jobs by status (all instances: read from the database at scrape time)",
    labelNames: ["kind", "status"],
    registers: [registry],
    async collect() {
      const knex = db()
      if (!knex) {
        return
      }
      // Both tables have an index on status: two small grouped scans.
      const { rows } = await knex.raw(
        `SELECT 'import' AS kind, status, count(*)::int AS n FROM import_job WHERE deleted_at IS NULL GROUP BY status
         UNION ALL
         SELECT 'publish', status, count(*)::int FROM publish_job WHERE deleted_at IS NULL GROUP BY status`
      )
      // Every status is reported (0 included), so a series does not vanish when its last job moves on.
      for (const kind of ["import", "publish"]) {
        for (const status of JOB_STATUSES) {
          this.set({ kind, status }, 0)
        }
      }
      for (const r of rows as { kind: string; status: string; n: number }[]) {
        this.set({ kind: r.kind, status: r.status }, r.n)
      }
    },
  })

  // Workflow failures are read from Medusa's workflow_execution table rather than counted in-process: the
  // engine records every stored execution's final state there, whichever instance (server or worker) ran
  // it, and the engine has no global failure event to subscribe to. Only stored executions are counted:
  // long-running (async) workflows such as imports and publishes, and those run with `store`/retention.
  new Gauge({
    name: "maart_workflow_executions_failed",
    help: "Stored workflow executions that ended failed (or compensated), by workflow (database, all instances)",
    labelNames: ["workflow"],
    registers: [registry],
    async collect() {
      const knex = db()
      if (!knex) {
        return
      }
      const { rows } = await knex.raw(
        `SELECT workflow_id, count(*)::int AS n FROM workflow_execution
          WHERE state IN ('failed', 'reverted') AND deleted_at IS NULL GROUP BY workflow_id`
      )
      this.reset()
      for (const r of rows as { workflow_id: string; n: number }[]) {
        this.set({ workflow: r.workflow_id }, r.n)
      }
    },
  })

  new Gauge({
    name: "maart_db_pool_connections",
    help: "This instance's database pool (knex/tarn): used and free connections, pending acquires",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = (db() as any)?.client?.pool
      if (!pool) {
        return
      }
      this.set({ state: "used" }, pool.numUsed())
      this.set({ state: "free" }, pool.numFree())
      this.set({ state: "pending_acquires" }, pool.numPendingAcquires())
      this.set({ state: "max" }, pool.max)
    },
  })

  new Gauge({
    name: "maart_event_bus_queue_depth",
    help: "Events waiting, delayed or being handled in Medusa's Redis event bus queue (0 without Redis: events are handled in-process)",
    registers: [registry],
    async collect() {
      const redis = getRedis()
      if (!redis) {
        this.set(0)
        return
      }
      // BullMQ's own keys (what Queue.getJobCounts reads): lists for waiting/active, sorted sets for the others.
      const key = `${EVENT_QUEUE.prefix}:${EVENT_QUEUE.name}`
      const [[, wait], [, active], [, delayed], [, prioritized]] = (await redis
        .multi()
        .llen(`${key}:wait`)
        .llen(`${key}:active`)
        .zcard(`${key}:delayed`)
        .zcard(`${key}:prioritized`)
        .exec()) as [unknown, number][]
      this.set(wait + active + delayed + prioritized)
    },
  })
  return m
}
