import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import { Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ForAudience, moneyMajor } from "../marketplace/components/common"
import { usePlatformStats } from "./components/api"

const LINKS: [string, string, string][] = [
  ["/platform/vendors", "Vendors", "List, create, verify, suspend, delete"],
  ["/platform/vendor-import", "Bulk vendor import", "Upload a CSV, check it, create the shops"],
  ["/platform/users", "Users", "Memberships, deactivation, password resets"],
  ["/platform/imports", "Import monitoring", "Every vendor's feed imports"],
  ["/platform/audit-log", "Audit log", "Every write through the Admin API"],
  ["/platform/monitoring", "Monitoring", "Services, this instance, slow routes, jobs, failed emails"],
]

/** Platform stats: every vendor's orders and revenue over a range, with the per-vendor breakdown. */
const PlatformPage = () => {
  const [range, setRange] = useState<{ from?: string; to?: string }>({})
  const { data, error } = usePlatformStats(range)
  const stats = data?.stats
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-end justify-between px-6 py-4">
          <div>
            <Heading level="h1">Platform</Heading>
            <Text size="small" className="text-ui-fg-subtle">All shops together, the last 30 days unless you choose dates.</Text>
          </div>
          <div className="flex gap-x-2">
            <div><Label size="xsmall" htmlFor="stats-from">From</Label><Input id="stats-from" size="small" type="date" value={range.from ?? ""} onChange={(e) => setRange({ ...range, from: e.target.value || undefined })} /></div>
            <div><Label size="xsmall" htmlFor="stats-to">To</Label><Input id="stats-to" size="small" type="date" value={range.to ?? ""} onChange={(e) => setRange({ ...range, to: e.target.value || undefined })} /></div>
          </div>
        </div>
        {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{error.message}</Text>}
        <div className="grid grid-cols-4 gap-4 px-6 py-4">
          <Figure label="Orders" value={stats?.orders.count} />
          <Figure label="Canceled" value={stats?.orders.canceled} />
          <Figure label="Revenue" value={stats ? stats.revenue.map((r) => moneyMajor(r.revenue, r.currency_code)).join(" · ") || moneyMajor(0) : undefined} />
          <Figure label="Import jobs / publish jobs" value={stats ? `${stats.import_jobs.total} / ${stats.publish_jobs.total}` : undefined} />
        </div>
      </Container>
      <Container className="p-0">
        <div className="px-6 py-4"><Heading level="h2">By vendor</Heading></div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Vendor</Table.HeaderCell>
              <Table.HeaderCell>Orders</Table.HeaderCell>
              <Table.HeaderCell>Canceled</Table.HeaderCell>
              <Table.HeaderCell>Revenue</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {stats?.vendors?.map((v) => (
              <Table.Row key={v.vendor_id}>
                <Table.Cell>{v.name} <span className="text-ui-fg-subtle">({v.handle})</span></Table.Cell>
                <Table.Cell className="tabular-nums">{v.orders}</Table.Cell>
                <Table.Cell className="tabular-nums">{v.canceled}</Table.Cell>
                <Table.Cell className="tabular-nums">{Object.entries(v.revenue).map(([c, cents]) => moneyMajor(cents, c)).join(" · ") || "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="grid grid-cols-3 gap-3">
        {LINKS.map(([to, label, hint]) => (
          <Link key={to} to={to} className="hover:bg-ui-bg-subtle-hover rounded-lg border p-3">
            <Text weight="plus">{label}</Text>
            <Text size="small" className="text-ui-fg-subtle">{hint}</Text>
          </Link>
        ))}
      </Container>
    </div>
  )
}

function Figure({ label, value }: { label: string; value: string | number | undefined }) {
  return (
    <div className="rounded-lg border p-3">
      <Text size="small" className="text-ui-fg-subtle">{label}</Text>
      <Text weight="plus" className="text-xl tabular-nums">{value ?? "…"}</Text>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Platform", icon: Buildings })

export default function PlatformPageGuarded() {
  return (
    <ForAudience audience="platform">
      <PlatformPage />
    </ForAudience>
  )
}
