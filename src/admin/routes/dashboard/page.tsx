import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Navigate } from "react-router-dom"
import { isoDay, money } from "../../components/format"
import { PageHeader } from "../../components/page-header"
import { sdk } from "../../lib/sdk"
import { useActiveVendor, useCan } from "../../lib/vendor"

type Stats = {
  orders: { count: number; canceled: number }
  revenue: { currency_code: string; orders: number; revenue: number; average_order_value: number }[]
  daily: { date: string; orders: number; revenue: Record<string, number> }[]
  top_products: { by_units: { product_id: string; title: string | null; units: number; revenue: Record<string, number> }[] }
  low_stock: { threshold: number; count: number; items: { sku: string | null; title: string | null; available_quantity: number }[] }
  import_jobs: { total: number; last: { status: string } | null }
  publish_jobs: { total: number; last: { status: string } | null }
}

const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000))

/** The shop's overview (GET /admin/dashboard/stats) over a date range: a vendor team's first page. */
const DashboardPage = () => {
  const [range, setRange] = useState({ from: daysAgo(29), to: daysAgo(0) })
  const canView = useCan("analytics.view")
  const { activeVendorId, membership } = useActiveVendor()
  const { data, error, isLoading } = useQuery({
    queryKey: ["maart", "dashboard-stats", activeVendorId, range],
    queryFn: () => sdk.client.fetch<{ stats: Stats }>("/admin/dashboard/stats", { query: range }),
    enabled: canView && range.from <= range.to,
  })
  const stats = data?.stats
  // Signing in lands here (widgets/vendor-login-landing.tsx): a role without the figures goes on to the catalog.
  if (membership && !canView) {
    return <Navigate to={membership.permissions.includes("products.view") ? "/products" : "/vendor"} replace />
  }
  const maxOrders = Math.max(1, ...(stats?.daily ?? []).map((d) => d.orders))

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader
          title="Overview"
          subtitle="Orders, revenue, best sellers and stock of the active shop"
          actions={
            <div className="flex items-end gap-x-2">
              <div>
                <Label size="xsmall" htmlFor="stats-from">From</Label>
                <Input id="stats-from" type="date" size="small" value={range.from} max={range.to} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
              </div>
              <div>
                <Label size="xsmall" htmlFor="stats-to">To</Label>
                <Input id="stats-to" type="date" size="small" value={range.to} min={range.from} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
              </div>
            </div>
          }
        />
      </Container>
      {!canView ? (
        <Container><Text>Your role does not include the shop's figures (analytics.view).</Text></Container>
      ) : error ? (
        <Container><Text className="text-ui-fg-error">{(error as Error).message}</Text></Container>
      ) : isLoading || !stats ? (
        <Container><Text>Loading…</Text></Container>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Figure label="Orders" value={String(stats.orders.count)} note={`${stats.orders.canceled} canceled`} testId="stat-orders" />
            {stats.revenue.length ? (
              stats.revenue.map((r) => (
                <Figure key={r.currency_code} label={`Revenue (${r.currency_code.toUpperCase()})`} value={money(r.revenue, r.currency_code)} note={`AOV ${money(r.average_order_value, r.currency_code)}`} testId="stat-revenue" />
              ))
            ) : (
              <Figure label="Revenue" value="—" note="no orders in the range" testId="stat-revenue" />
            )}
            <Figure label="Low stock" value={String(stats.low_stock.count)} note={`available ≤ ${stats.low_stock.threshold}`} testId="stat-low-stock" />
            <Figure label="Letzshop jobs" value={`${stats.import_jobs.total} / ${stats.publish_jobs.total}`} note="imports / publishes in the range" testId="stat-jobs" />
          </div>
          <Container>
            <Heading level="h2" className="mb-3">Orders per day</Heading>
            <div className="flex h-32 items-end gap-px" aria-label="Orders per day">
              {stats.daily.map((d) => (
                <div key={d.date} title={`${d.date}: ${d.orders}`} className="bg-ui-fg-interactive flex-1 rounded-t-sm" style={{ height: `${(d.orders / maxOrders) * 100}%`, minHeight: 1 }} />
              ))}
            </div>
          </Container>
          <div className="grid gap-3 lg:grid-cols-2">
            <Container className="p-0">
              <Heading level="h2" className="px-6 py-4">Best sellers</Heading>
              <Table>
                <Table.Header><Table.Row><Table.HeaderCell>Product</Table.HeaderCell><Table.HeaderCell>Units</Table.HeaderCell></Table.Row></Table.Header>
                <Table.Body>
                  {stats.top_products.by_units.map((p) => (
                    <Table.Row key={p.product_id}><Table.Cell>{p.title ?? p.product_id}</Table.Cell><Table.Cell>{p.units}</Table.Cell></Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </Container>
            <Container className="p-0">
              <Heading level="h2" className="px-6 py-4">Low stock</Heading>
              <Table>
                <Table.Header><Table.Row><Table.HeaderCell>Item</Table.HeaderCell><Table.HeaderCell>Available</Table.HeaderCell></Table.Row></Table.Header>
                <Table.Body>
                  {stats.low_stock.items.map((i, n) => (
                    <Table.Row key={n}><Table.Cell>{i.title ?? i.sku ?? "—"}</Table.Cell><Table.Cell>{i.available_quantity}</Table.Cell></Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </Container>
          </div>
        </>
      )}
    </div>
  )
}

const Figure = ({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) => (
  <Container data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">{label}</Text>
    <Heading level="h2">{value}</Heading>
    <Text size="xsmall" className="text-ui-fg-muted">{note}</Text>
  </Container>
)

export const config = defineRouteConfig({ label: "Overview", icon: ChartBar, rank: 0 })

export default DashboardPage
