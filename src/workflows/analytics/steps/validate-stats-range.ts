import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type ValidateStatsRangeInput = { from?: string; to?: string }

/** A resolved range: its first and last UTC day (inclusive), its length, and the timestamps that bound it. */
export type StatsRange = { from: string; to: string; days: number; start: string; end: string }

/** The longest range the dashboard answers: a year, so a daily series stays a page of points. */
export const MAX_STATS_DAYS = 366
/** The range when none is given: the last 30 days, today included. */
export const DEFAULT_STATS_DAYS = 30

const DAY = 24 * 60 * 60 * 1000
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10)

export const validateStatsRangeStepId = "validate-stats-range"

/**
 * Resolves `from` / `to` (UTC days, both inclusive; `to` defaults to today, `from` to 29 days
 * before `to`, so 30 days in all) and refuses a range that ends before it starts or spans more
 * than a year (400 STATS_RANGE_INVALID).
 */
export const validateStatsRangeStep = createStep(validateStatsRangeStepId, async (input: ValidateStatsRangeInput) => {
  const today = Date.parse(isoDay(Date.now()))
  const to = input.to ? Date.parse(input.to) : today
  const from = input.from ? Date.parse(input.from) : to - (DEFAULT_STATS_DAYS - 1) * DAY
  const days = Math.round((to - from) / DAY) + 1
  if (days < 1) {
    throw maartError("INVALID_DATA", ErrorCodes.STATS_RANGE_INVALID, `from (${isoDay(from)}) is after to (${isoDay(to)}).`, {
      from: isoDay(from),
      to: isoDay(to),
    })
  }
  if (days > MAX_STATS_DAYS) {
    throw maartError("INVALID_DATA", ErrorCodes.STATS_RANGE_INVALID, `The range spans ${days} days; at most ${MAX_STATS_DAYS}.`, {
      from: isoDay(from),
      to: isoDay(to),
      max_days: MAX_STATS_DAYS,
    })
  }
  return new StepResponse<StatsRange>({
    from: isoDay(from),
    to: isoDay(to),
    days,
    start: new Date(from).toISOString(),
    end: new Date(to + DAY).toISOString(),
  })
})
