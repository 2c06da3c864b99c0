import {
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  type DataTableSortingState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { RouteFigures } from "../components/api"

type Row = RouteFigures & { id: string }

const column = createDataTableColumnHelper<Row>()
const percent = (rate: number) => `${(rate * 100).toFixed(rate && rate < 0.01 ? 2 : 1)}%`

const columns = [
  column.accessor("route", {
    header: "Route",
    enableSorting: true,
    cell: ({ row }) => <Text size="xsmall" className="font-mono">{row.original.method} {row.original.route}</Text>,
  }),
  column.accessor("requests", { header: "Requests", enableSorting: true }),
  column.accessor("errors_5xx", { header: "5xx", enableSorting: true }),
  column.accessor("error_rate", { header: "Error rate", enableSorting: true, cell: ({ getValue }) => percent(getValue()) }),
  column.accessor("p95_ms", {
    header: "p95",
    enableSorting: true,
    cell: ({ getValue }) => (getValue() == null ? "–" : `${getValue()} ms`),
  }),
]

/**
 * This instance's routes since it started, slowest first (p95 from the duration histogram's buckets); sort by
 * requests, 5xx or error rate to find the most failing. Sorted and paged here: the snapshot holds them all.
 */
export function RoutesTable({ routes }: { routes: RouteFigures[] }) {
  const [sorting, setSorting] = useState<DataTableSortingState>({ id: "p95_ms", desc: true })
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 10 })
  const sorted = useMemo(() => {
    const key = sorting.id as keyof RouteFigures
    const rows = routes.map((r) => ({ ...r, id: `${r.method} ${r.route}` }))
    return rows.sort((a, b) => {
      const [x, y] = [a[key] ?? -1, b[key] ?? -1]
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))
      return sorting.desc ? -order : order
    })
  }, [routes, sorting])
  const start = pagination.pageIndex * pagination.pageSize

  const table = useDataTable({
    data: sorted.slice(start, start + pagination.pageSize),
    columns,
    rowCount: sorted.length,
    getRowId: (row) => row.id,
    sorting: { state: sorting, onSortingChange: setSorting },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h2">Routes</Heading>
          <Text size="small" className="text-ui-fg-subtle">Slowest first; sort by 5xx or error rate for the most failing.</Text>
        </div>
        <DataTable.SortingMenu tooltip="Sort" />
      </DataTable.Toolbar>
      <DataTable.Table />
      <DataTable.Pagination />
    </DataTable>
  )
}
