import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { dateTime, ForAudience } from "../../marketplace/components/common"
import { type AuditEntry, useAuditLog, useVendorNames } from "../components/api"

const column = createDataTableColumnHelper<AuditEntry>()
const filter = createDataTableFilterHelper<AuditEntry>()
const OUTCOME_COLOR = { succeeded: "green", failed: "orange", denied: "red" } as const

/** The audit log: every write through the Admin API, newest first, by vendor, outcome, method, action and date. */
const AuditLogPage = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 50 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const vendorNames = useVendorNames().data
  const created = filtering.created_at as { $gte?: string; $lte?: string } | undefined
  const { data, isLoading } = useAuditLog({
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    vendor_id: filtering.vendor_id as string | undefined,
    outcome: filtering.outcome as string | undefined,
    method: filtering.method as string | undefined,
    action: (filtering.action as string | undefined)?.trim() || undefined,
    from: created?.$gte,
    to: created?.$lte,
  })

  const columns = useMemo(
    () => [
      column.accessor("created_at", { header: "When", cell: ({ getValue }) => dateTime(getValue()) }),
      column.accessor("actor_email", {
        header: "Who",
        cell: ({ row }) => `${row.original.actor_email ?? "–"}${row.original.is_platform_admin ? " (platform)" : ""}`,
      }),
      column.accessor("vendor_id", { header: "Vendor", cell: ({ getValue }) => (getValue() ? vendorNames?.get(getValue()!) ?? getValue() : "–") }),
      column.accessor("action", { header: "Action" }),
      column.accessor("path", { header: "Request", cell: ({ row }) => <Text size="xsmall" className="font-mono">{row.original.method} {row.original.path}</Text> }),
      column.accessor("target_id", { header: "Target", cell: ({ getValue }) => getValue() ?? "–" }),
      column.accessor("outcome", {
        header: "Outcome",
        cell: ({ row }) => <StatusBadge color={OUTCOME_COLOR[row.original.outcome]}>{row.original.outcome} {row.original.status_code}</StatusBadge>,
      }),
    ],
    [vendorNames]
  )

  const filters = useMemo(
    () => [
      filter.accessor("vendor_id", { type: "select", label: "Vendor", options: [...(vendorNames ?? [])].map(([value, label]) => ({ label, value })) }),
      filter.accessor("outcome", { type: "select", label: "Outcome", options: ["succeeded", "failed", "denied"].map((v) => ({ label: v, value: v })) }),
      filter.accessor("method", { type: "select", label: "Method", options: ["POST", "PUT", "PATCH", "DELETE"].map((v) => ({ label: v, value: v })) }),
      filter.accessor("action", { type: "string", label: "Action", placeholder: "products.edit" }),
      filter.accessor("created_at", { type: "date", label: "Date", format: "date", options: [] }),
    ],
    [vendorNames]
  )

  const table = useDataTable({
    data: data?.audit_entries ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <Heading level="h1">Audit log</Heading>
          <DataTable.FilterMenu tooltip="Filter" />
        </DataTable.Toolbar>
        <DataTable.Table />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Audit log", rank: 5 })

export default function AuditLogPageGuarded() {
  return (
    <ForAudience audience="platform">
      <AuditLogPage />
    </ForAudience>
  )
}
