import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { ArrowDownTray } from "@medusajs/icons"
import { useState } from "react"
import { type RowError, useRowErrors } from "./api"

const column = createDataTableColumnHelper<RowError>()
const filter = createDataTableFilterHelper<RowError>()

const columns = [
  column.accessor("line", { header: "Line" }),
  column.accessor("severity", {
    header: "Severity",
    cell: ({ getValue }) => <StatusBadge color={getValue() === "error" ? "red" : "orange"}>{getValue()}</StatusBadge>,
  }),
  column.accessor("code", { header: "Code" }),
  column.accessor("column", { header: "Column", cell: ({ getValue }) => getValue() ?? "–" }),
  column.accessor("external_id", { header: "Feed id", cell: ({ getValue }) => getValue() ?? "–" }),
  column.accessor("message", { header: "Message" }),
  column.accessor("value", { header: "Value", cell: ({ getValue }) => <span className="font-mono">{getValue() ?? ""}</span> }),
]

const filters = [
  filter.accessor("severity", { type: "radio", label: "Severity", options: [{ label: "Rejected rows", value: "error" }, { label: "Warnings", value: "warning" }] }),
]

/** A job's rejected rows and warnings by line, filterable, with the whole list as a CSV download. */
export function RowErrorsTable({ jobId, jobStatus }: { jobId: string; jobStatus: string }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const severity = filtering.severity as string | undefined
  const { data, isLoading } = useRowErrors(jobId, { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize, severity }, jobStatus)
  const table = useDataTable({
    data: data?.errors ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
  })
  // The session cookie goes along with a plain link: the browser downloads the API's CSV itself.
  const csv = `/admin/marketplace/imports/${jobId}/errors?format=csv${severity ? `&severity=${severity}` : ""}`
  return (
    <Container className="p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <Text weight="plus">Row errors ({data?.count ?? 0})</Text>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <Button size="small" variant="secondary" asChild>
              <a href={csv} download>
                <ArrowDownTray /> Download CSV
              </a>
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
