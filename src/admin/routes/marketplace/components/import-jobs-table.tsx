import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { type ImportJob, useImportJobs } from "./api"
import { dateTime, JobStatusBadge, ProgressBar, rowsProgress } from "./common"

const column = createDataTableColumnHelper<ImportJob & { vendor?: string }>()
const filter = createDataTableFilterHelper<ImportJob>()

const STATUSES = ["queued", "running", "succeeded", "partially_succeeded", "failed", "cancelled"]

/**
 * Import jobs, newest first, each with its live progress bar (the list polls
 * while a job on the page runs). The vendor's own jobs; for a platform admin
 * every vendor's, with `vendorNames` to show whose, and a vendor filter.
 */
export function ImportJobsTable({ vendorNames, pageSize = 20 }: { vendorNames?: Map<string, string>; pageSize?: number }) {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const status = filtering.status as string | undefined
  const language = filtering.language as string | undefined
  const vendorId = filtering.vendor_id as string | undefined
  const { data, isLoading } = useImportJobs({
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    status,
    language,
    vendor_id: vendorId,
  })

  const columns = useMemo(
    () => [
      column.accessor("created_at", { header: "Started", cell: ({ getValue }) => dateTime(getValue()) }),
      ...(vendorNames ? [column.accessor("vendor_id", { header: "Vendor", cell: ({ getValue }) => vendorNames.get(getValue()) ?? getValue() })] : []),
      column.accessor("language", { header: "Language", cell: ({ getValue }) => getValue().toUpperCase() }),
      column.accessor("status", { header: "Status", cell: ({ getValue }) => <JobStatusBadge status={getValue()} /> }),
      column.display({
        id: "progress",
        header: "Progress",
        cell: ({ row }) => <ProgressBar value={row.original.progress} label={`Import ${row.original.id}`} />,
      }),
      column.accessor("rows_done", {
        header: "Rows",
        cell: ({ row }) => (
          <Text size="small" className="tabular-nums">
            {rowsProgress(row.original)} · {row.original.rows_imported} new/changed · {row.original.rows_rejected} rejected
          </Text>
        ),
      }),
    ],
    [vendorNames]
  )

  const filters = useMemo(
    () => [
      filter.accessor("status", { type: "select", label: "Status", options: STATUSES.map((s) => ({ label: s.replace("_", " "), value: s })) }),
      filter.accessor("language", { type: "select", label: "Language", options: ["fr", "de", "en", "lb"].map((l) => ({ label: l.toUpperCase(), value: l })) }),
      ...(vendorNames
        ? [filter.accessor("vendor_id", { type: "select", label: "Vendor", options: [...vendorNames].map(([value, label]) => ({ label, value })) })]
        : []),
    ],
    [vendorNames]
  )

  const table = useDataTable({
    data: data?.import_jobs ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    onRowClick: (_, row) => navigate(`/marketplace/imports/${row.id}`),
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex justify-between gap-2 px-6 py-4">
        <Text weight="plus">Import jobs</Text>
        <DataTable.FilterMenu tooltip="Filter" />
      </DataTable.Toolbar>
      <DataTable.Table />
      <DataTable.Pagination />
    </DataTable>
  )
}
