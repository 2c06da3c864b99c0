import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"
import { isJobActive } from "./common"

/**
 * The Marketplace pages' data: /admin/marketplace/* through the JS SDK and the
 * dashboard's TanStack Query. Every query parameter is in its key; running
 * jobs are polled every second until they finish.
 */

export const LANGUAGES = ["fr", "de", "en", "lb"] as const
export type Language = (typeof LANGUAGES)[number]

export type FeedConfig = { id: string; urls: Partial<Record<Language, string>>; schedule_enabled: boolean; last_scheduled_at: string | null }

export type ImportJob = {
  id: string
  vendor_id: string
  language: string
  status: string
  source_kind: string
  source_url: string | null
  file_name: string | null
  rows_done: number
  rows_imported: number
  rows_unchanged: number
  rows_rejected: number
  warnings: number
  gone: number
  bytes_read: number
  bytes_total: number | null
  progress: number | null
  /** The feed's rows: exact once finished, estimated from the bytes read while running, null before. */
  rows_total: number | null
  rows_total_estimated: boolean
  encoding: string | null
  delimiter: string | null
  error_code: string | null
  error_message: string | null
  started_at: string | null
  finished_at: string | null
  created_at: string
}

export type RowError = { id: string; line: number; column: string | null; code: string; message: string; value: string | null; external_id: string | null; severity: "error" | "warning" }

export type StagedProduct = {
  id: string
  external_id: string
  group_id: string | null
  title: string | null
  brand: string | null
  availability: string | null
  price_amount: number | null
  currency_code: string | null
  gtin: string | null
  selected: boolean
  published_product_id: string | null
  upstream_changed_at: string | null
  gone_at: string | null
  languages: string[]
  sale_price: { amount: number; currency: string } | null
  thumbnail: string | null
}

export type StagedFilter = {
  q?: string
  availability?: string[]
  brand?: string[]
  price_min?: number
  price_max?: number
  selected?: boolean
  published?: boolean
  has_upstream_changes?: boolean
  gone?: boolean
}

export type PublishJob = {
  id: string
  vendor_id: string
  status: string
  items_total: number
  items_done: number
  chunks_done: number
  created: number
  updated: number
  published_items: number
  progress: number
  error_code: string | null
  error_message: string | null
  skipped?: { staged_id: string; reason: string }[]
  failed?: { chunk: number; items?: string[]; code?: string; message?: string }[]
  started_at: string | null
  finished_at: string | null
  created_at: string
}

export type Override = { price_amount?: number | null; sale_price_amount?: number | null; titles?: Record<string, string> | null; status?: "draft" | "published" | null }

const key = (...parts: unknown[]) => ["maart", "marketplace", ...parts]

/** Query parameters as the staging API reads them (lists comma-joined, nothing empty). */
export function stagedQuery(filter: StagedFilter) {
  const out: Record<string, string | number | boolean> = {}
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === "" || (Array.isArray(v) && !v.length)) continue
    out[k] = Array.isArray(v) ? v.join(",") : v
  }
  return out
}

export function useFeedConfig() {
  return useQuery({ queryKey: key("feed-config"), queryFn: () => sdk.client.fetch<{ feed_config: FeedConfig }>("/admin/marketplace/feed-config") })
}

export function useSaveFeedConfig() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { urls: Partial<Record<Language, string | null>>; schedule_enabled: boolean }) =>
      sdk.client.fetch<{ feed_config: FeedConfig }>("/admin/marketplace/feed-config", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key("feed-config") }),
  })
}

export function useImportJobs(params: { limit: number; offset: number; status?: string; language?: string; vendor_id?: string }) {
  return useQuery({
    queryKey: key("imports", params),
    queryFn: () =>
      sdk.client.fetch<{ import_jobs: ImportJob[]; count: number }>("/admin/marketplace/imports", { query: stagedQueryOf(params) }),
    // Poll while any job on the page is still going.
    refetchInterval: (q) => (q.state.data?.import_jobs.some((j) => isJobActive(j.status)) ? 1000 : false),
  })
}

export function useImportJob(id: string) {
  return useQuery({
    queryKey: key("imports", id),
    queryFn: () => sdk.client.fetch<{ import_job: ImportJob }>(`/admin/marketplace/imports/${id}`),
    refetchInterval: (q) => (isJobActive(q.state.data?.import_job.status) ? 1000 : false),
  })
}

export function useStartImport() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { language: string; url?: string; vendor_id?: string }) =>
      sdk.client.fetch<{ import_job: ImportJob }>("/admin/marketplace/imports", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key("imports") }),
  })
}

export function useCancelImport() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/marketplace/imports/${id}/cancel`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key("imports") }),
  })
}

export function useRowErrors(jobId: string, params: { limit: number; offset: number; severity?: string }, jobStatus: string) {
  const refreshWhile = isJobActive(jobStatus)
  return useQuery({
    // The job's status is part of the key: the list is read again once the job is over.
    queryKey: key("imports", jobId, "errors", params, refreshWhile ? "running" : jobStatus),
    queryFn: () =>
      sdk.client.fetch<{ errors: RowError[]; count: number }>(`/admin/marketplace/imports/${jobId}/errors`, { query: stagedQueryOf(params) }),
    refetchInterval: refreshWhile ? 2000 : false,
  })
}

export function useStagedProducts(filter: StagedFilter, page: { limit: number; offset: number; order?: string }) {
  return useQuery({
    queryKey: key("staged", filter, page),
    queryFn: () =>
      sdk.client.fetch<{ staged_products: StagedProduct[]; count: number }>("/admin/marketplace/staged-products", {
        query: { ...stagedQuery(filter), ...stagedQueryOf(page) },
      }),
    placeholderData: (previous) => previous,
  })
}

/** How many staged items match a filter (one row fetched, the count read). */
export function useStagedCount(filter: StagedFilter) {
  return useQuery({
    queryKey: key("staged", "count", filter),
    queryFn: () =>
      sdk.client.fetch<{ count: number }>("/admin/marketplace/staged-products", { query: { ...stagedQuery(filter), limit: 1 } }),
    select: (d) => d.count,
  })
}

export function useSetSelection() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { selected: boolean; ids?: string[]; filter?: StagedFilter }) =>
      sdk.client.fetch<{ changed: number; selected_count: number }>("/admin/marketplace/staged-products/selection", {
        method: "POST",
        body: body.filter ? { ...body, filter: stagedQuery(body.filter) } : body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key("staged") }),
  })
}

export function usePublish() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { ids?: string[]; filter?: StagedFilter; overrides?: Record<string, Override> }) =>
      sdk.client.fetch<{ publish_job: PublishJob }>("/admin/marketplace/publish", {
        method: "POST",
        body: body.filter ? { ...body, filter: stagedQuery(body.filter) } : body,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key("publish-jobs") })
      qc.invalidateQueries({ queryKey: key("staged") })
    },
  })
}

export function usePublishJobs(params: { limit: number; offset: number; status?: string; vendor_id?: string }) {
  return useQuery({
    queryKey: key("publish-jobs", params),
    queryFn: () => sdk.client.fetch<{ publish_jobs: PublishJob[]; count: number }>("/admin/marketplace/publish-jobs", { query: stagedQueryOf(params) }),
    refetchInterval: (q) => (q.state.data?.publish_jobs.some((j) => isJobActive(j.status)) ? 1000 : false),
  })
}

export function usePublishJob(id: string | null) {
  const qc = useQueryClient()
  return useQuery({
    queryKey: key("publish-jobs", id),
    enabled: !!id,
    queryFn: async () => {
      const data = await sdk.client.fetch<{ publish_job: PublishJob }>(`/admin/marketplace/publish-jobs/${id}`)
      // Once it is over, the staging list shows what was published.
      if (!isJobActive(data.publish_job.status)) qc.invalidateQueries({ queryKey: key("staged") })
      return data
    },
    refetchInterval: (q) => (isJobActive(q.state.data?.publish_job.status) ? 1000 : false),
  })
}

export function useCancelPublishJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/marketplace/publish-jobs/${id}/cancel`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key("publish-jobs") }),
  })
}

/** Drops undefined and empty values, so they neither reach the URL nor split the cache. */
function stagedQueryOf<T extends object>(params: T) {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string | number>
}
