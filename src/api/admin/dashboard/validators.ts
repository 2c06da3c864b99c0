import { z } from "@medusajs/framework/zod"

// A UTC day, `YYYY-MM-DD`, that exists (2026-02-30 does not).
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date as YYYY-MM-DD.")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(Date.parse(v)).toISOString().startsWith(v), { message: "No such date." })

export type AdminGetDashboardStatsParamsType = z.infer<typeof AdminGetDashboardStatsParams>
export const AdminGetDashboardStatsParams = z
  .object({
    // Both inclusive; the order of the two is checked by the workflow (STATS_RANGE_INVALID).
    from: Day.optional(),
    to: Day.optional(),
    low_stock_threshold: z.coerce.number().int().min(0).max(1_000_000).default(5),
    // Platform admins only: one vendor's figures instead of every vendor's.
    vendor_id: z.string().min(1).optional(),
  })
  .strict()
