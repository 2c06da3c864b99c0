import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { useMe } from "../../../lib/vendor"

/**
 * Small pieces every Marketplace and Platform page shares: the job status
 * badge, the progress bar, money in cents and the API's error message.
 */

export type JobStatus = "queued" | "running" | "succeeded" | "partially_succeeded" | "failed" | "cancelled"

const STATUS_COLOR: Record<JobStatus, "grey" | "blue" | "green" | "orange" | "red"> = {
  queued: "grey",
  running: "blue",
  succeeded: "green",
  partially_succeeded: "orange",
  failed: "red",
  cancelled: "grey",
}

export const isJobActive = (status?: string) => status === "queued" || status === "running"

export function JobStatusBadge({ status }: { status: string }) {
  return <StatusBadge color={STATUS_COLOR[status as JobStatus] ?? "grey"}>{status.replace("_", " ")}</StatusBadge>
}

/**
 * A job's progress, 0..1 (the API's `progress`; null while the size is unknown).
 * `role="progressbar"` with aria values, so a test reads what a person sees.
 */
export function ProgressBar({ value, label, testId }: { value: number | null | undefined; label?: string; testId?: string }) {
  const percent = value == null ? null : Math.round(value * 100)
  return (
    <div className="flex items-center gap-x-3" data-testid={testId}>
      <div
        role="progressbar"
        aria-label={label ?? "Progress"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="bg-ui-bg-subtle h-2 w-full min-w-24 overflow-hidden rounded-full border"
      >
        <div
          className={percent == null ? "bg-ui-fg-interactive h-full w-1/3 animate-pulse" : "bg-ui-fg-interactive h-full transition-[width]"}
          style={percent == null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <Text size="small" className="text-ui-fg-subtle w-10 text-right tabular-nums">
        {percent == null ? "…" : `${percent}%`}
      </Text>
    </div>
  )
}

/** "1,200 of ~4,800 rows" while an import runs (the total estimated from the bytes read), "4,731 of 4,731 rows" when done. */
export function rowsProgress(job: { rows_done: number; rows_total: number | null; rows_total_estimated: boolean }) {
  const n = (x: number) => x.toLocaleString("en-US")
  return job.rows_total == null ? `${n(job.rows_done)} rows` : `${n(job.rows_done)} of ${job.rows_total_estimated ? "~" : ""}${n(job.rows_total)} rows`
}

/** Cents in a currency, as the dashboard shows money ("€12.50"). */
export function money(cents: number | null | undefined, currency = "EUR") {
  if (cents == null) return "–"
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100)
}

/** An amount as Medusa's order totals carry it (the currency's main unit: 33.93), e.g. the dashboard stats. */
export function moneyMajor(amount: number | null | undefined, currency = "EUR") {
  if (amount == null) return "–"
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount)
}

/** "12.50" or "12,50" (a person types either) → cents; null for empty, NaN for nonsense. */
export function parseCents(text: string): number | null {
  const t = text.trim().replace(",", ".")
  if (!t) return null
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : Number.NaN
}

export const dateTime = (value?: string | null) => (value ? new Date(value).toLocaleString("en-GB") : "–")

/** The API's answer for a failed call: Maart's `message` (and `code`), else the error's own text. */
export function errorMessage(error: unknown) {
  // The JS SDK's FetchError carries the body's message.
  return error instanceof Error ? error.message : String(error)
}

/**
 * Renders `children` only for the audience a page is for: vendor-team pages
 * act on the session's active vendor, which a platform admin does not have
 * (the API would want x-vendor-id); platform pages are for platform admins.
 * Nothing is requested before the user is known, so no page starts with a 403.
 */
export function ForAudience({ audience, children }: { audience: "vendor" | "platform"; children: ReactNode }) {
  const { data, isLoading } = useMe()
  if (isLoading) return <Container><Text size="small">Loading…</Text></Container>
  const platform = data?.user.metadata?.platform_admin === true
  if (audience === "platform" && !platform) {
    return (
      <Container>
        <Heading level="h1">Platform admins only</Heading>
        <Text size="small" className="text-ui-fg-subtle">This page is for the people who run the platform.</Text>
      </Container>
    )
  }
  if (audience === "vendor" && platform) {
    return (
      <Container>
        <Heading level="h1">A vendor team's page</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Marketplace pages work on one shop's feeds. As a platform admin, follow every vendor's imports under{" "}
          <Link to="/platform/imports" className="text-ui-fg-interactive">Platform › Import monitoring</Link>.
        </Text>
      </Container>
    )
  }
  return <>{children}</>
}
