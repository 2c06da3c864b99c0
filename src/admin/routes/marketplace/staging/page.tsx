import { ForAudience } from "../components/common"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  createDataTableCommandHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
  type DataTableSortingState,
  Heading,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useCan } from "../../../lib/vendor"
import { type StagedFilter, useSetSelection, useStagedCount, useStagedProducts } from "../components/api"
import { errorMessage } from "../components/common"
import { PublishDrawer } from "../components/publish-drawer"
import { stagedColumns, stagedFilters, toStagedFilter } from "../components/staged-columns"

const command = createDataTableCommandHelper()
const CHANGED: StagedFilter = { published: true, has_upstream_changes: true }

/**
 * The staging browser: the vendor's imported feed items with search and the
 * staging API's filters; select rows on the page, or everything the filter
 * matches in one call; publish the selection (with overrides) or re-publish the
 * items whose feed changed since.
 */
const StagingPage = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const [sorting, setSorting] = useState<DataTableSortingState | null>(null)
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  const [publishing, setPublishing] = useState<null | "selected" | "changed">(null)
  const canPublish = useCan("products.create")

  const filter = useMemo(() => toStagedFilter(filtering, search), [filtering, search])
  const order = sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : undefined
  const { data, isLoading } = useStagedProducts(filter, { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize, order })
  const selectedCount = useStagedCount({ selected: true }).data ?? 0
  const changedCount = useStagedCount(CHANGED).data ?? 0
  const selection = useSetSelection()

  const select = (body: { selected: boolean; ids?: string[]; filter?: StagedFilter }) =>
    selection.mutate(body, {
      onSuccess: ({ changed, selected_count }) => {
        setRowSelection({})
        toast.success(`${changed} ${body.selected ? "selected" : "unselected"} · ${selected_count} selected in all`)
      },
      onError: (err) => toast.error(errorMessage(err)),
    })

  const commands = useMemo(
    () => [
      command.command({ label: "Select for publishing", shortcut: "s", action: (rows) => select({ selected: true, ids: Object.keys(rows) }) }),
      command.command({ label: "Unselect", shortcut: "u", action: (rows) => select({ selected: false, ids: Object.keys(rows) }) }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  )

  const table = useDataTable({
    data: data?.staged_products ?? [],
    columns: stagedColumns,
    filters: stagedFilters,
    commands: canPublish ? commands : [],
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    sorting: { state: sorting, onSortingChange: setSorting },
    rowSelection: { state: rowSelection, onRowSelectionChange: setRowSelection, enableRowSelection: canPublish },
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Staging</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What your feeds brought in, before it reaches the shop. {selectedCount} selected for publishing.
          </Text>
        </div>
        {canPublish && (
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" disabled={!changedCount} onClick={() => setPublishing("changed")}>
              Re-publish changed ({changedCount})
            </Button>
            <Button size="small" disabled={!selectedCount} onClick={() => setPublishing("selected")}>
              Publish selected ({selectedCount})
            </Button>
          </div>
        )}
      </div>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.SortingMenu tooltip="Sort" />
          </div>
          <div className="flex items-center gap-x-2">
            {canPublish && (
              <>
                <Button size="small" variant="secondary" disabled={!data?.count} isLoading={selection.isPending} onClick={() => select({ selected: true, filter })}>
                  Select all {data?.count ?? 0} matching
                </Button>
                <Button size="small" variant="transparent" disabled={!data?.count} onClick={() => select({ selected: false, filter })}>
                  Unselect matching
                </Button>
              </>
            )}
            <DataTable.Search placeholder="Search id, title, brand, GTIN" />
          </div>
        </DataTable.Toolbar>
        <DataTable.Table />
        <DataTable.Pagination />
        <DataTable.CommandBar selectedLabel={(count) => `${count} on this page`} />
      </DataTable>
      <PublishDrawer
        open={publishing !== null}
        onOpenChange={(open) => !open && setPublishing(null)}
        scope={publishing === "changed" ? { kind: "filter", filter: CHANGED, title: "Re-publish changed items" } : { kind: "selected", title: "Publish selected items" }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Staging", rank: 3 })

export default function StagingPageGuarded() {
  return (
    <ForAudience audience="vendor">
      <StagingPage />
    </ForAudience>
  )
}
