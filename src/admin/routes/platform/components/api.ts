import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { MonitoringSnapshot } from "../../../../lib/monitoring"
import { sdk } from "../../../lib/sdk"

/** The platform admin pages' data: /admin/vendors, /admin/platform/users, /admin/platform/monitoring, /admin/audit-log, /admin/dashboard/stats. */

export type Vendor = {
  id: string
  handle: string
  name: string
  status: "pending" | "active" | "suspended"
  verified_at: string | null
  email: string | null
  created_at: string
  domains?: { id: string; hostname: string; kind: string; verified_at: string | null }[]
}

export type PlatformUser = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  platform_admin: boolean
  deactivated_at: string | null
  memberships: { id: string; active: boolean; vendor: { id: string; handle?: string; name?: string; status?: string }; role: { name: string } }[]
}

export type AuditEntry = {
  id: string
  actor_email: string | null
  is_platform_admin: boolean
  vendor_id: string | null
  method: string
  route: string
  path: string
  action: string
  target_id: string | null
  status_code: number
  outcome: "succeeded" | "failed" | "denied"
  ip: string | null
  created_at: string
}

export type ImportReportRow = { line: number; handle: string | null; status: string; vendor_id?: string; errors: { column?: string; code: string; message: string }[] }
export type ImportReport = { dry_run: boolean; summary: Record<string, number>; rows: ImportReportRow[] }

const key = (...parts: unknown[]) => ["maart", "platform", ...parts]
const clean = (params: object) => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)))

export function useVendors(params: { limit: number; offset: number; q?: string; status?: string[] }) {
  return useQuery({
    queryKey: key("vendors", params),
    queryFn: () => sdk.client.fetch<{ vendors: Vendor[]; count: number }>("/admin/vendors", { query: { ...clean(params), order: "-created_at" } }),
    placeholderData: (previous) => previous,
  })
}

/** Every vendor's id and name, for filters and names in cross-vendor tables. */
export function useVendorNames() {
  return useQuery({
    queryKey: key("vendors", "names"),
    queryFn: () => sdk.client.fetch<{ vendors: Vendor[] }>("/admin/vendors", { query: { limit: 1000, fields: "id,name,handle" } }),
    select: (d) => new Map(d.vendors.map((v) => [v.id, v.name])),
  })
}

export function useVendorMutation<TBody, TResult = unknown>(request: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: () => qc.invalidateQueries({ queryKey: key("vendors") }) })
}

export const vendorAction = (id: string, action: "verify" | "suspend" | "activate") =>
  sdk.client.fetch<{ vendor: Vendor }>(`/admin/vendors/${id}/${action}`, { method: "POST" })

export const deleteVendor = ({ id, force }: { id: string; force?: boolean }) =>
  sdk.client.fetch(`/admin/vendors/${id}`, { method: "DELETE", query: force ? { force: "true" } : {} })

export const createVendor = (body: object) => sdk.client.fetch<{ vendor: Vendor }>("/admin/vendors", { method: "POST", body })

export const importVendors = (body: { csv: string; dry_run: boolean }) =>
  sdk.client.fetch<{ import: ImportReport }>("/admin/vendors/import", { method: "POST", body })

export function usePlatformUsers(params: { limit: number; offset: number; q?: string; status?: string; vendor_id?: string }) {
  return useQuery({
    queryKey: key("users", params),
    queryFn: () => sdk.client.fetch<{ users: PlatformUser[]; count: number }>("/admin/platform/users", { query: clean(params) }),
    placeholderData: (previous) => previous,
  })
}

export function useUserMutation<TBody, TResult = unknown>(request: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: () => qc.invalidateQueries({ queryKey: key("users") }) })
}

export const setUserActive = ({ id, active }: { id: string; active: boolean }) =>
  sdk.client.fetch(`/admin/platform/users/${id}/${active ? "activate" : "deactivate"}`, { method: "POST" })

export const resetPasswords = (body: { user_ids: string[] } | { vendor_id: string }) =>
  sdk.client.fetch<{ sent: number; skipped: number; failed: number }>("/admin/platform/users/password-reset", { method: "POST", body })

export function useAuditLog(params: { limit: number; offset: number; vendor_id?: string; outcome?: string; method?: string; action?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: key("audit", params),
    queryFn: () => sdk.client.fetch<{ audit_entries: AuditEntry[]; count: number }>("/admin/audit-log", { query: clean(params) }),
    placeholderData: (previous) => previous,
  })
}

export type PlatformStats = {
  orders: { count: number; canceled: number }
  revenue: { currency_code: string; orders: number; revenue: number; average_order_value: number }[]
  import_jobs: { total: number; by_status: Record<string, number> }
  publish_jobs: { total: number; by_status: Record<string, number> }
  low_stock: { count: number }
  vendors?: { vendor_id: string; handle: string; name: string; orders: number; canceled: number; revenue: Record<string, number> }[]
}

export function usePlatformStats(params: { from?: string; to?: string }) {
  return useQuery({
    queryKey: key("stats", params),
    queryFn: () => sdk.client.fetch<{ stats: PlatformStats }>("/admin/dashboard/stats", { query: clean(params) }),
  })
}

export function useTriggerAll() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ started: unknown[]; skipped: unknown[] }>("/admin/marketplace/imports/trigger-all", { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["maart", "marketplace", "imports"] }),
  })
}

export type { MonitoringSnapshot, RouteFigures } from "../../../../lib/monitoring"

/** GET /admin/platform/monitoring, refetched every `intervalMs` while the page is open. */
export function useMonitoring(intervalMs: number) {
  return useQuery({
    queryKey: key("monitoring"),
    queryFn: () => sdk.client.fetch<{ monitoring: MonitoringSnapshot }>("/admin/platform/monitoring"),
    refetchInterval: intervalMs,
    select: (d) => d.monitoring,
  })
}
