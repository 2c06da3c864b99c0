import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_STATUSES } from "../../../modules/marketplace/job-status"
import { jobsByStatus, latestJobs, lowStock, ordersByChannel, ordersByDay, topProducts, type StatsScope } from "../dashboard-queries"
import type { StatsVendor } from "./load-stats-vendors"
import type { StatsRange } from "./validate-stats-range"

export type ComputeDashboardStatsInput = {
  range: StatsRange
  vendors: StatsVendor[]
  /** Figures for every vendor: adds the per-vendor breakdown and each low-stock item's vendor. */
  platform: boolean
  low_stock_threshold: number
}

/** Products in each top list. */
export const TOP_PRODUCTS = 5
/** Low-stock levels listed (`low_stock.count` says how many there are in all). */
export const LOW_STOCK_LISTED = 20

const DAY = 24 * 60 * 60 * 1000
const cents = (v: number) => Math.round(v * 100) / 100
const add = (into: Record<string, number>, key: string, value: number) => {
  into[key] = (into[key] ?? 0) + value
}

export const computeDashboardStatsStepId = "compute-dashboard-stats"

/**
 * A dashboard's figures over a range, from six aggregate queries run side by side
 * (`dashboard-queries.ts`): orders, revenue and average order value per currency (canceled orders
 * left out and counted apart), a daily series with every day of the range, the top products, the
 * low-stock levels, import and publish jobs by status with the latest of each; for the platform
 * view, the same per vendor. Reads only.
 */
export const computeDashboardStatsStep = createStep(computeDashboardStatsStepId, async (input: ComputeDashboardStatsInput, { container }) => {
  const { range, vendors, platform, low_stock_threshold } = input
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const scope: StatsScope = {
    sales_channel_ids: vendors.flatMap((v) => (v.sales_channel_id ? [v.sales_channel_id] : [])),
    stock_location_ids: vendors.flatMap((v) => v.stock_location_ids),
    vendor_ids: vendors.map((v) => v.id),
  }
  const window = { start: range.start, end: range.end }
  const [byChannel, byDay, top, low, jobs, latest] = await Promise.all([
    ordersByChannel(knex, scope, window),
    ordersByDay(knex, scope, window),
    topProducts(knex, scope, window, TOP_PRODUCTS),
    lowStock(knex, scope, low_stock_threshold, LOW_STOCK_LISTED),
    jobsByStatus(knex, scope, window),
    latestJobs(knex, scope),
  ])

  const currencies = new Map<string, { orders: number; revenue: number }>()
  for (const row of byChannel) {
    const c = currencies.get(row.currency_code) ?? { orders: 0, revenue: 0 }
    c.orders += row.orders
    c.revenue += row.revenue
    currencies.set(row.currency_code, c)
  }
  const revenue = [...currencies.entries()]
    .filter(([, c]) => c.orders > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, c]) => ({ currency_code, orders: c.orders, revenue: c.revenue, average_order_value: cents(c.revenue / c.orders) }))

  const days = new Map<string, { date: string; orders: number; revenue: Record<string, number> }>()
  for (let t = Date.parse(range.from); t <= Date.parse(range.to); t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10)
    days.set(date, { date, orders: 0, revenue: {} })
  }
  for (const row of byDay) {
    const day = days.get(row.date)
    if (day) {
      day.orders += row.orders
      add(day.revenue, row.currency_code, row.revenue)
    }
  }

  const vendorOfLocation = new Map(vendors.flatMap((v) => v.stock_location_ids.map((l) => [l, v.id] as const)))
  const jobStats = (kind: "import" | "publish") => {
    const by_status = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<string, number>
    jobs.filter((j) => j.kind === kind).forEach((j) => add(by_status, j.status, j.jobs))
    return { total: Object.values(by_status).reduce((a, b) => a + b, 0), by_status, last: latest[kind] }
  }

  const stats = {
    vendor_id: platform ? null : vendors[0]?.id ?? null,
    range: { from: range.from, to: range.to, days: range.days },
    orders: { count: byChannel.reduce((n, r) => n + r.orders, 0), canceled: byChannel.reduce((n, r) => n + r.canceled, 0) },
    revenue,
    daily: [...days.values()],
    top_products: top,
    low_stock: {
      threshold: low_stock_threshold,
      count: low.count,
      items: platform ? low.items.map((i) => ({ ...i, vendor_id: vendorOfLocation.get(i.location_id) ?? null })) : low.items,
    },
    import_jobs: jobStats("import"),
    publish_jobs: jobStats("publish"),
    ...(platform ? { vendors: breakdown(vendors, byChannel) } : {}),
  }
  return new StepResponse(stats)
})

/** Per vendor: orders, canceled orders and revenue per currency (vendors without orders included). */
function breakdown(vendors: StatsVendor[], byChannel: Awaited<ReturnType<typeof ordersByChannel>>) {
  const ofChannel = new Map<string, typeof byChannel>()
  byChannel.forEach((r) => ofChannel.set(r.sales_channel_id, [...(ofChannel.get(r.sales_channel_id) ?? []), r]))
  return vendors.map((v) => {
    const rows = (v.sales_channel_id && ofChannel.get(v.sales_channel_id)) || []
    const revenue: Record<string, number> = {}
    rows.filter((r) => r.orders > 0).forEach((r) => add(revenue, r.currency_code, r.revenue))
    return {
      vendor_id: v.id,
      handle: v.handle,
      name: v.name,
      orders: rows.reduce((n, r) => n + r.orders, 0),
      canceled: rows.reduce((n, r) => n + r.canceled, 0),
      revenue,
    }
  })
}
