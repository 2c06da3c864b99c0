import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"

/**
 * The Notifications page's data (docs/admin.md, "Notifications"): the shop's email templates and its
 * notification log, through the JS SDK and the dashboard's TanStack Query. Every parameter is in the
 * key; templates and log are invalidated after each change.
 */

export type Texts = { subject: string; intro: string }
export type TemplateLanguage = {
  language: "fr" | "de" | "en"
  default: Texts
  override: { id: string; subject: string | null; intro: string | null; updated_at: string } | null
  effective: Texts
}
export type ShopTemplate = {
  template: string
  label: string
  recipient: "customer" | "shop"
  can_disable: boolean
  enabled: boolean
  variables: string[]
  languages: TemplateLanguage[]
}
export type Email = { subject: string; html: string; text: string }

export type LogEntry = {
  id: string
  to: string
  channel: string
  template: string | null
  status: "success" | "failure" | "pending"
  created_at: string
  trigger_type: string | null
  order: { id: string; display_id: number | null } | null
  language: string | null
  test: boolean
  original_notification_id: string | null
  attempt: number
  attempts: number
  retryable: boolean
}
export type LogDetail = LogEntry & { data: Record<string, unknown> | null; attempt_history: { id: string; status: string; created_at: string }[] }
export type LogFilter = { limit: number; offset: number; status?: string; template?: string; q?: string; date_from?: string; date_to?: string }

const templatesKey = ["maart", "notifications", "templates"] as const
const logKey = ["maart", "notifications", "log"] as const

export function useTemplates() {
  return useQuery({ queryKey: templatesKey, queryFn: () => sdk.client.fetch<{ templates: ShopTemplate[] }>("/admin/notifications/templates") })
}

type Draft = { language: string; subject?: string | null; intro?: string | null }

export function usePreview(template: string, draft: Draft, enabled: boolean) {
  return useQuery({
    queryKey: [...templatesKey, "preview", template, draft],
    queryFn: () => sdk.client.fetch<{ preview: Email }>(`/admin/notifications/templates/${template}/preview`, { method: "POST", body: draft }),
    enabled,
    retry: false,
  })
}

export function useSaveTemplate(template: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Draft & { enabled?: boolean }) =>
      sdk.client.fetch(`/admin/notifications/templates/${template}`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  })
}

export function useResetTemplate(template: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (language: string) =>
      sdk.client.fetch(`/admin/notifications/templates/${template}`, { method: "DELETE", query: { language } }),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  })
}

export function useSendTest(template: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Draft) =>
      sdk.client.fetch<{ notification: { id: string; to: string; status: string } }>(`/admin/notifications/templates/${template}/send-test`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: logKey }),
  })
}

export function useLog(filter: LogFilter) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ""))
  return useQuery({
    queryKey: [...logKey, query],
    queryFn: () => sdk.client.fetch<{ notifications: LogEntry[]; count: number }>("/admin/notifications", { query }),
  })
}

export function useLogEntry(id: string | null) {
  return useQuery({
    queryKey: [...logKey, "entry", id],
    queryFn: () => sdk.client.fetch<{ notification: LogDetail }>(`/admin/notifications/${id}`),
    enabled: !!id,
  })
}

export function useRetry() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<{ notification: LogEntry; sent: boolean }>(`/admin/notifications/${id}/retry`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: logKey }),
  })
}
