import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeDashboardStatsStep } from "../steps/compute-dashboard-stats"
import { loadStatsVendorsStep } from "../steps/load-stats-vendors"
import { validateStatsRangeStep } from "../steps/validate-stats-range"

export type GetDashboardStatsInput = {
  /** The vendor whose figures these are; null: every vendor (the platform view, with a per-vendor breakdown). */
  vendor_id: string | null
  /** First and last UTC day, inclusive (`YYYY-MM-DD`); default the last 30 days. */
  from?: string
  to?: string
  /** Stock levels with at most this many available units are low. */
  low_stock_threshold: number
}

export const getDashboardStatsWorkflowId = "get-dashboard-stats"

/**
 * The dashboard's figures for a vendor — or for the platform across vendors — over a date range:
 * orders, revenue and average order value per currency (canceled orders excluded), a daily series,
 * top products, low-stock levels, import and publish jobs. Refuses a bad range (400
 * STATS_RANGE_INVALID) and an unknown vendor (404 VENDOR_NOT_FOUND). Reads only: no event, no
 * compensation needed.
 *
 * @example
 * const { result } = await getDashboardStatsWorkflow(container).run({
 *   input: { vendor_id: "ven_123", from: "2026-11-01", to: "2026-11-30", low_stock_threshold: 5 },
 * })
 */
export const getDashboardStatsWorkflow = createWorkflow(getDashboardStatsWorkflowId, (input: GetDashboardStatsInput) => {
  const range = validateStatsRangeStep(transform({ input }, ({ input }) => ({ from: input.from, to: input.to })))
  const vendors = loadStatsVendorsStep(transform({ input }, ({ input }) => ({ vendor_id: input.vendor_id })))
  const stats = computeDashboardStatsStep(
    transform({ input, range, vendors }, ({ input, range, vendors }) => ({
      range,
      vendors,
      platform: input.vendor_id === null,
      low_stock_threshold: input.low_stock_threshold,
    }))
  )
  return new WorkflowResponse(stats)
})
