import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { dateTime, ForAudience, JobStatusBadge } from "../../marketplace/components/common"
import { type MonitoringSnapshot, useMonitoring } from "../components/api"
import { RoutesTable } from "./routes-table"

const REFRESH_MS = 10_000

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const uptime = (s: number) => (s >= 86400 ? `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h` : s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min` : `${Math.floor(s / 60)} min ${s % 60} s`)

/** System monitoring: the backing services, this instance, its routes, every vendor's jobs; refreshed every 10 s. */
const MonitoringPage = () => {
  const { data: m, error, dataUpdatedAt } = useMonitoring(REFRESH_MS)
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-start justify-between px-6 py-4">
          <div>
            <Heading level="h1">Monitoring</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {m ? `The instance that answered (${m.process.role}, pid ${m.process.pid}); ` : ""}refreshed every {REFRESH_MS / 1000} s.{" "}
              <span data-testid="monitoring-updated">Last updated {dataUpdatedAt ? new Date(dataUpdatedAt).toLocaleTimeString("en-GB") : "–"}</span>
            </Text>
            {/* Served by the backend beside the dashboard (/app), on the same origin. */}
            <Text size="small" className="text-ui-fg-subtle">
              <a className="text-ui-fg-interactive" href="/metrics" target="_blank" rel="noreferrer">Prometheus metrics (/metrics)</a>
              {" · "}
              <a className="text-ui-fg-interactive" href="/docs" target="_blank" rel="noreferrer">API reference (/docs)</a>
            </Text>
          </div>
          {m && <StatusBadge color={m.status === "ok" ? "green" : "red"}>{m.status === "ok" ? "All checks ok" : "Degraded"}</StatusBadge>}
        </div>
        {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{error.message}</Text>}
        {!!m?.unavailable_metrics.length && (
          <Text size="small" className="text-ui-fg-error px-6 py-4">Not read this time: {m.unavailable_metrics.join(", ")}</Text>
        )}
        <Checks checks={m?.checks} />
      </Container>
      <Container className="grid grid-cols-4 gap-4">
        <Figure label="Uptime" value={m && uptime(m.process.uptime_s)} hint={m && `since ${dateTime(m.process.started_at)}`} />
        <Figure label="Memory (RSS)" value={m && mb(m.process.memory.rss_bytes)} hint={m && `heap ${mb(m.process.memory.heap_used_bytes)} of ${mb(m.process.memory.heap_total_bytes)}`} />
        <Figure label="Node" value={m?.process.node_version} hint={m?.process.event_loop_lag_p99_ms != null ? `event-loop lag p99 ${m.process.event_loop_lag_p99_ms} ms` : undefined} />
        <Figure label="Requests / 5xx" value={m && `${m.http.requests} / ${m.http.errors_5xx}`} hint={m && `error rate ${(m.http.error_rate * 100).toFixed(2)}%`} />
        <Figure label="Database pool" value={m && (m.db_pool ? `${m.db_pool.used} of ${m.db_pool.max} used` : "–")} hint={m?.db_pool ? `${m.db_pool.pending_acquires} waiting` : undefined} />
        <Figure label="Event bus queue" value={m && (m.event_bus.depth ?? "unavailable")} hint={m && (m.event_bus.queue === "redis" ? "Redis (BullMQ)" : "in-process (no Redis)")} />
        <Figure label="Failed workflows" value={m?.workflows.failed} hint={m?.workflows.by_workflow.slice(0, 2).map((w) => `${w.workflow} ${w.failed}`).join(", ") || undefined} />
        <Figure label="Failed notifications (24 h)" value={m?.notifications.failed_24h} />
      </Container>
      <Container className="p-0">
        <div className="px-6 py-4"><Heading level="h2">Letzshop jobs, every vendor</Heading></div>
        <Jobs jobs={m?.jobs} />
      </Container>
      <Container className="p-0">{m && <RoutesTable routes={m.http.routes} />}</Container>
    </div>
  )
}

function Checks({ checks }: { checks?: MonitoringSnapshot["checks"] }) {
  return (
    <div className="divide-y" data-testid="monitoring-checks">
      {checks?.map((c) => (
        <div key={c.name} className="grid grid-cols-[8rem_6rem_6rem_1fr] items-center gap-x-4 px-6 py-3" data-testid={`check-${c.name}`}>
          <Text size="small" weight="plus">{c.name}</Text>
          <StatusBadge color={c.status === "ok" ? "green" : c.required ? "red" : "orange"}>{c.status}</StatusBadge>
          <Text size="small" className="tabular-nums">{c.latency_ms} ms</Text>
          <Text size="small" className={c.error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {c.error ?? c.detail ?? ""}{c.required ? "" : " (optional: readiness does not wait for it)"}
          </Text>
        </div>
      ))}
    </div>
  )
}

function Jobs({ jobs }: { jobs?: MonitoringSnapshot["jobs"] }) {
  const statuses = jobs ? Object.keys(jobs.import) : []
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Kind</Table.HeaderCell>
          {statuses.map((s) => <Table.HeaderCell key={s}><JobStatusBadge status={s} /></Table.HeaderCell>)}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {jobs &&
          (["import", "publish"] as const).map((kind) => (
            <Table.Row key={kind} data-testid={`jobs-${kind}`}>
              <Table.Cell>{kind === "import" ? "Imports" : "Publishes"}</Table.Cell>
              {statuses.map((s) => <Table.Cell key={s} className="tabular-nums">{jobs[kind][s] ?? 0}</Table.Cell>)}
            </Table.Row>
          ))}
      </Table.Body>
    </Table>
  )
}

function Figure({ label, value, hint }: { label: string; value: string | number | undefined; hint?: string }) {
  return (
    <div className="rounded-lg border p-3">
      <Text size="small" className="text-ui-fg-subtle">{label}</Text>
      <Text weight="plus" className="text-xl tabular-nums">{value ?? "…"}</Text>
      {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Monitoring", rank: 6 })

export default function MonitoringPageGuarded() {
  return (
    <ForAudience audience="platform">
      <MonitoringPage />
    </ForAudience>
  )
}
