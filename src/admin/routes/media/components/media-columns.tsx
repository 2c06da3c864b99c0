import { Badge, createDataTableColumnHelper, Text } from "@medusajs/ui"
import { dateTime } from "../../marketplace/components/common"
import { fileSize, typeLabel, type MediaFile } from "./api"
import { MediaPreview } from "./media-grid"

const column = createDataTableColumnHelper<MediaFile>()

/** The list view's columns. */
export const mediaColumns = [
  column.display({ id: "preview", header: "", cell: ({ row }) => <MediaPreview file={row.original} className="h-10 w-10 rounded" /> }),
  column.accessor("filename", {
    header: "File",
    enableSorting: true,
    cell: ({ row }) => (
      <div className="flex flex-col">
        <Text size="small" weight="plus">{row.original.filename}</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">{row.original.alt ?? "No alt text"}</Text>
      </div>
    ),
  }),
  column.accessor("mime_type", { header: "Type", cell: ({ row }) => typeLabel(row.original) }),
  column.accessor("size", { header: "Size", enableSorting: true, cell: ({ getValue }) => <span className="tabular-nums">{fileSize(getValue())}</span> }),
  column.display({ id: "dimensions", header: "Dimensions", cell: ({ row }) => (row.original.width ? `${row.original.width}×${row.original.height}` : "–") }),
  column.display({
    id: "used_in",
    header: "Used in",
    cell: ({ row }) => (row.original.used_in.length ? <Badge size="2xsmall" color="blue">{row.original.used_in.length} product{row.original.used_in.length === 1 ? "" : "s"}</Badge> : "–"),
  }),
  column.accessor("created_at", { header: "Uploaded", enableSorting: true, cell: ({ getValue }) => dateTime(getValue()) }),
]
