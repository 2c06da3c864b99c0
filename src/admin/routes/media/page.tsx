import { defineRouteConfig } from "@medusajs/admin-sdk"
import { GridLayout, ListBullet, Photo } from "@medusajs/icons"
import {
  Container,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  type DataTableSortingState,
  Heading,
  IconButton,
  Text,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { PageHeader } from "../../components/page-header"
import { useCan, useIsPlatformAdmin, useMe } from "../../lib/vendor"
import { useMediaFiles, type MediaFile } from "./components/api"
import { mediaColumns } from "./components/media-columns"
import { MediaDrawer } from "./components/media-drawer"
import { MediaGrid } from "./components/media-grid"
import { UploadZone } from "./components/upload-zone"

const filters = [
  createDataTableFilterHelper<MediaFile>().accessor("kind", {
    type: "radio",
    label: "Type",
    options: [
      { label: "Images", value: "image" },
      { label: "Documents (PDF, CSV)", value: "other" },
    ],
  }),
]

/**
 * The shop's media library (docs/admin.md, "Media"): every file its team uploaded,
 * as thumbnails or a list, with search, a type filter and where each is used.
 */
const MediaPage = () => {
  const canEdit = useCan("products.edit")
  const [view, setView] = useState<"grid" | "list">("grid")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 24 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const [sorting, setSorting] = useState<DataTableSortingState | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)

  const type = filtering.kind as MediaFile["kind"] | undefined
  const order = sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : "-created_at"
  const { data, isLoading } = useMediaFiles({ q: search || undefined, type, limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize, order })
  const files = data?.media_files ?? []
  // The drawer follows the list, so an alt text saved (or a use added) shows at once.
  const open = files.find((f) => f.id === openId) ?? null

  const table = useDataTable({
    data: files,
    columns: mediaColumns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    onRowClick: (_e, row) => setOpenId(row.id),
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    sorting: { state: sorting, onSortingChange: setSorting },
  })
  const empty = !isLoading && data?.count === 0
  const filtered = !!search || !!type

  return (
    <Container className="divide-y p-0">
      <PageHeader title="Media" subtitle="Images and documents for your products and shop: upload once, use anywhere" />
      {canEdit ? <UploadZone /> : null}
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.SortingMenu tooltip="Sort" />
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder="Search file names" />
            <Tooltip content="Grid">
              <IconButton size="small" variant={view === "grid" ? "primary" : "transparent"} aria-label="Grid view" aria-pressed={view === "grid"} onClick={() => setView("grid")}>
                <GridLayout />
              </IconButton>
            </Tooltip>
            <Tooltip content="List">
              <IconButton size="small" variant={view === "list" ? "primary" : "transparent"} aria-label="List view" aria-pressed={view === "list"} onClick={() => setView("list")}>
                <ListBullet />
              </IconButton>
            </Tooltip>
          </div>
        </DataTable.Toolbar>
        {empty ? (
          <div className="flex flex-col items-center gap-y-1 px-6 py-12 text-center" data-testid="media-empty">
            <Photo className="text-ui-fg-muted" />
            <Text size="small" weight="plus">{filtered ? "No files match" : "No files yet"}</Text>
            <Text size="small" className="text-ui-fg-subtle">
              {filtered ? "Try another name or type." : canEdit ? "Drop images or documents above to start the library." : "Files your team uploads show here."}
            </Text>
          </div>
        ) : view === "grid" ? (
          <MediaGrid files={files} onOpen={(f) => setOpenId(f.id)} />
        ) : (
          <DataTable.Table />
        )}
        <DataTable.Pagination />
      </DataTable>
      <MediaDrawer file={open} canEdit={canEdit} onClose={() => setOpenId(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Media", icon: Photo })

/** The library is a shop's: a platform admin has no active shop to show (the API lists all of them with x-vendor-id). */
export default function MediaPageGuarded() {
  const { isLoading } = useMe()
  const platform = useIsPlatformAdmin()
  const canView = useCan("products.view")
  if (isLoading) return <Container><Text size="small">Loading…</Text></Container>
  if (platform || !canView) {
    return (
      <Container>
        <Heading level="h1">Media</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {platform ? "The media library is a shop's: its team members see it here." : "Your role does not include the catalog (products.view)."}
        </Text>
      </Container>
    )
  }
  return <MediaPage />
}
