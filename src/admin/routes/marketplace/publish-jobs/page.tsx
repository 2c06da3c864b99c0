import { ForAudience } from "../components/common"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { useCan } from "../../../lib/vendor"
import { type PublishJob, useCancelPublishJob, usePublishJob, usePublishJobs } from "../components/api"
import { dateTime, errorMessage, isJobActive, JobStatusBadge, ProgressBar } from "../components/common"

const column = createDataTableColumnHelper<PublishJob>()

/** Publish jobs, newest first, with live progress; a row opens what was skipped or failed. */
const PublishJobsPage = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const [openId, setOpenId] = useState<string | null>(null)
  const { data, isLoading } = usePublishJobs({ limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })
  const cancel = useCancelPublishJob()
  const canPublish = useCan("products.create")
  const columns = [
    column.accessor("created_at", { header: "Requested", cell: ({ getValue }) => dateTime(getValue()) }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <JobStatusBadge status={getValue()} /> }),
    column.display({ id: "progress", header: "Progress", cell: ({ row }) => <ProgressBar value={row.original.progress} label={`Publish ${row.original.id}`} /> }),
    column.accessor("items_done", { header: "Items", cell: ({ row }) => `${row.original.items_done} / ${row.original.items_total}` }),
    column.accessor("created", { header: "Created" }),
    column.accessor("updated", { header: "Updated" }),
    column.action({
      actions: ({ row }) =>
        canPublish && isJobActive(row.original.status)
          ? [{ label: "Cancel", onClick: () => cancel.mutate(row.original.id, { onError: (err) => toast.error(errorMessage(err)) }) }]
          : [],
    }),
  ]
  const table = useDataTable({
    data: data?.publish_jobs ?? [],
    columns,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, row) => setOpenId(row.id === openId ? null : row.id),
  })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Publish jobs</Heading>
          <Text size="small" className="text-ui-fg-subtle">Staged items published into the shop's catalog, in chunks, in the background.</Text>
        </div>
        <DataTable instance={table}>
          <DataTable.Table />
          <DataTable.Pagination />
        </DataTable>
      </Container>
      {openId && <PublishJobDetails id={openId} onClose={() => setOpenId(null)} />}
    </div>
  )
}

function PublishJobDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const job = usePublishJob(id).data?.publish_job
  if (!job) return null
  return (
    <Container className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between">
        <Heading level="h2">Job {job.id}</Heading>
        <Button size="small" variant="transparent" onClick={onClose}>Close</Button>
      </div>
      <Text size="small">
        {job.published_items} items published · {job.created} products created · {job.updated} updated · {job.chunks_done} chunks done
      </Text>
      {job.error_code && <Text size="small" className="text-ui-fg-error">{job.error_code}: {job.error_message}</Text>}
      {!job.skipped?.length && !job.failed?.length && <Text size="small" className="text-ui-fg-subtle">Nothing skipped, nothing failed.</Text>}
      {job.skipped?.map((s) => <Text key={s.staged_id} size="small">Skipped {s.staged_id}: {s.reason}</Text>)}
      {job.failed?.map((f) => <Text key={f.chunk} size="small" className="text-ui-fg-error">Chunk {f.chunk}: {f.code} {f.message}</Text>)}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Publish jobs", rank: 4 })

export default function PublishJobsPageGuarded() {
  return (
    <ForAudience audience="vendor">
      <PublishJobsPage />
    </ForAudience>
  )
}
