import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, NotificationStatus } from "@medusajs/framework/utils"
import type { MetricObjectWithValues, MetricValue, Registry } from "prom-client"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import { JOB_STATUSES } from "../modules/marketplace/job-status"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { workerMode } from "./env"
import { metrics } from "./metrics"
import { runChecks, type CheckResult } from "./monitoring-checks"
import { getRedis } from "./redis"

export type RouteFigures = { method: string; route: string; requests: number; errors_5xx: number; error_rate: number; p95_ms: number | null }

export type MonitoringSnapshot = {
  generated_at: string
  /** "ok" when every check answers. */
  status: "ok" | "degraded"
  checks: CheckResult[]
  process: {
    role: string
    pid: number
    node_version: string
    uptime_s: number
    started_at: string
    memory: { rss_bytes: number; heap_used_bytes: number; heap_total_bytes: number }
    event_loop_lag_p99_ms: number | null
  }
  /** This instance's requests since it started (the duration histogram of src/lib/metrics.ts). */
  http: { requests: number; errors_5xx: number; error_rate: number; routes: RouteFigures[] }
  db_pool: { used: number; free: number; pending_acquires: number; max: number } | null
  /** `depth` is null when the queue could not be read (Redis down). */
  event_bus: { queue: "redis" | "in-process"; depth: number | null }
  workflows: { failed: number; by_workflow: { workflow: string; failed: number }[] }
  jobs: { import: Record<string, number>; publish: Record<string, number> }
  notifications: { failed_24h: number }
  /** Metrics whose collection failed this time (a gauge reading Redis while it is down): their figures are left out. */
  unavailable_metrics: string[]
}

type Metric = MetricObjectWithValues<MetricValue<string>>
type Values = MetricValue<string>[]

const DAY_MS = 24 * 60 * 60 * 1000
const ms = (seconds: number) => Math.round(seconds * 10000) / 10

/**
 * The q-quantile of a Prometheus histogram from its cumulative buckets, as PromQL's histogram_quantile does:
 * linear within the bucket that holds it; in the +Inf bucket, the largest finite bound.
 */
export function histogramQuantile(q: number, buckets: { le: number; count: number }[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le)
  const total = sorted.at(-1)?.count ?? 0
  if (!total) {
    return null
  }
  const rank = q * total
  let lower = 0
  let below = 0
  for (const { le, count } of sorted) {
    if (count >= rank) {
      if (le === Infinity) {
        return lower
      }
      return count === below ? le : lower + ((le - lower) * (rank - below)) / (count - below)
    }
    lower = le === Infinity ? lower : le
    below = count
  }
  return lower
}

/** Requests, 5xx answers and p95 per method and route pattern, summed over the statuses. */
export function routeFigures(histogram: Values): RouteFigures[] {
  type Acc = { method: string; route: string; requests: number; errors_5xx: number; buckets: Map<number, number> }
  const byRoute = new Map<string, Acc>()
  for (const v of histogram) {
    const { method, route, status, le } = v.labels as Record<string, string | number | undefined>
    const key = `${method} ${route}`
    const acc = byRoute.get(key) ?? { method: String(method), route: String(route), requests: 0, errors_5xx: 0, buckets: new Map() }
    byRoute.set(key, acc)
    const name = (v as { metricName?: string }).metricName
    if (name?.endsWith("_count")) {
      acc.requests += v.value
      if (String(status).startsWith("5")) {
        acc.errors_5xx += v.value
      }
    } else if (name?.endsWith("_bucket")) {
      const bound = le === "+Inf" ? Infinity : Number(le)
      acc.buckets.set(bound, (acc.buckets.get(bound) ?? 0) + v.value)
    }
  }
  return [...byRoute.values()].map(({ buckets, ...r }) => {
    const p95 = histogramQuantile(0.95, [...buckets].map(([le, count]) => ({ le, count })))
    return { ...r, error_rate: r.requests ? r.errors_5xx / r.requests : 0, p95_ms: p95 === null ? null : ms(p95) }
  })
}

/**
 * Every metric of the registry, each read on its own (`metric.get()` runs its collect): one that fails — the
 * event-bus gauge while Redis is down — is named instead of failing the snapshot, as getMetricsAsJSON() would.
 */
async function readMetrics(registry: Registry) {
  const unavailable: string[] = []
  const read = await Promise.all(
    (registry.getMetricsAsArray() as unknown as { name: string; get(): Promise<Metric> }[]).map(async (metric) => {
      try {
        return await metric.get()
      } catch {
        unavailable.push(metric.name)
        return undefined
      }
    })
  )
  return { read: read.filter((m): m is Metric => !!m), unavailable }
}

async function jobCounts(container: MedusaContainer) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const count = async (list: (filters: object, config: object) => Promise<[unknown[], number]>) => {
    const counts: Record<string, number> = {}
    // One indexed count per status (six): the tables hold every vendor's jobs.
    for (const status of JOB_STATUSES) {
      counts[status] = (await list({ status }, { select: ["id"], take: 1 }))[1]
    }
    return counts
  }
  return {
    import: await count((f, c) => marketplace.listAndCountImportJobs(f, c)),
    publish: await count((f, c) => marketplace.listAndCountPublishJobs(f, c)),
  }
}

async function failedNotifications(container: MedusaContainer) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const [, count] = await notifications.listAndCountNotifications(
    { status: NotificationStatus.FAILURE, created_at: { $gte: new Date(Date.now() - DAY_MS) } } as object,
    { select: ["id"], take: 1 }
  )
  return count
}

/**
 * One snapshot of the platform's health for the monitoring page (GET /admin/platform/monitoring): the backing
 * services' checks with their latency, this process, its request figures, database pool, event-bus queue
 * and workflow failures from the Prometheus registry (the same numbers GET /metrics serves), every vendor's
 * import and publish jobs by status, and the notifications that failed in the last 24 hours. Reads only.
 */
export async function monitoringSnapshot(container: MedusaContainer): Promise<MonitoringSnapshot> {
  const [checks, registry, jobs, failed_24h] = await Promise.all([
    runChecks(container),
    // Runs every metric's collect(): the gauges read the database and Redis as a scrape does.
    readMetrics(metrics().registry),
    jobCounts(container),
    failedNotifications(container),
  ])
  const values = (name: string): Values => registry.read.find((m) => m.name === name)?.values ?? []
  const one = (name: string, labels: Record<string, string> = {}) =>
    values(name).find((v) => Object.entries(labels).every(([k, want]) => v.labels[k] === want))?.value

  const routes = routeFigures(values("http_request_duration_seconds"))
  const requests = routes.reduce((n, r) => n + r.requests, 0)
  const errors_5xx = routes.reduce((n, r) => n + r.errors_5xx, 0)
  const pool = one("maart_db_pool_connections", { state: "max" }) === undefined
    ? null
    : {
        used: one("maart_db_pool_connections", { state: "used" }) ?? 0,
        free: one("maart_db_pool_connections", { state: "free" }) ?? 0,
        pending_acquires: one("maart_db_pool_connections", { state: "pending_acquires" }) ?? 0,
        max: one("maart_db_pool_connections", { state: "max" }) ?? 0,
      }
  const byWorkflow = values("maart_workflow_executions_failed")
    .map((v) => ({ workflow: String(v.labels.workflow), failed: v.value }))
    .filter((w) => w.failed > 0)
    .sort((a, b) => b.failed - a.failed)
  const lag = one("nodejs_eventloop_lag_p99_seconds")
  const memory = process.memoryUsage()

  return {
    generated_at: new Date().toISOString(),
    status: checks.every((c) => c.status === "ok") ? "ok" : "degraded",
    checks,
    process: {
      role: workerMode(),
      pid: process.pid,
      node_version: process.version,
      uptime_s: Math.round(process.uptime()),
      started_at: new Date(Date.now() - process.uptime() * 1000).toISOString(),
      memory: { rss_bytes: memory.rss, heap_used_bytes: memory.heapUsed, heap_total_bytes: memory.heapTotal },
      event_loop_lag_p99_ms: lag === undefined ? null : ms(lag),
    },
    http: { requests, errors_5xx, error_rate: requests ? errors_5xx / requests : 0, routes },
    db_pool: pool,
    event_bus: { queue: getRedis() ? "redis" : "in-process", depth: one("maart_event_bus_queue_depth") ?? null },
    workflows: { failed: byWorkflow.reduce((n, w) => n + w.failed, 0), by_workflow: byWorkflow },
    jobs,
    notifications: { failed_24h },
    unavailable_metrics: registry.unavailable,
  }
}
