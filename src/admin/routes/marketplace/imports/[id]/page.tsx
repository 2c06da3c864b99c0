import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { useCancelImport, useImportJob } from "../../components/api"
import { dateTime, errorMessage, isJobActive, JobStatusBadge, ProgressBar, rowsProgress } from "../../components/common"
import { RowErrorsTable } from "../../components/row-errors-table"

/** One import job: live progress (polled every second while it runs), its counters and its row errors. */
const ImportJobPage = () => {
  const { id } = useParams() as { id: string }
  const { data, isLoading, error } = useImportJob(id)
  const cancel = useCancelImport()
  if (isLoading) return <Container>Loading…</Container>
  if (error || !data) return <Container>{errorMessage(error)}</Container>
  const job = data.import_job
  const running = isJobActive(job.status)

  const figures: [string, number | string][] = [
    ["Rows read", job.rows_done],
    ["New or changed", job.rows_imported],
    ["Unchanged", job.rows_unchanged],
    ["Rejected", job.rows_rejected],
    ["Warnings", job.warnings],
    ["Gone from the feed", job.gone],
  ]

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Import {job.language.toUpperCase()}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {job.source_url ?? job.file_name} · started {dateTime(job.started_at ?? job.created_at)}
              {job.finished_at ? ` · finished ${dateTime(job.finished_at)}` : ""}
            </Text>
          </div>
          <div className="flex items-center gap-x-3">
            <JobStatusBadge status={job.status} />
            {running && (
              <Button
                size="small"
                variant="secondary"
                isLoading={cancel.isPending}
                onClick={() => cancel.mutate(job.id, { onError: (err) => toast.error(errorMessage(err)) })}
              >
                Cancel
              </Button>
            )}
          </div>
        </div>
        <div className="px-6 py-4">
          <ProgressBar value={job.progress} label="Import progress" testId="import-progress" />
          <Text size="small" className="text-ui-fg-subtle mt-1">
            {rowsProgress(job)}{job.bytes_total ? ` · ${Math.round(job.bytes_read / 1024)} of ${Math.round(job.bytes_total / 1024)} KiB read` : ""}
            {job.encoding ? ` · ${job.encoding}, ${job.delimiter === "\t" ? "tab" : job.delimiter}-separated` : ""}
          </Text>
          {job.error_code && (
            <Text size="small" className="text-ui-fg-error mt-2">
              {job.error_code}: {job.error_message}
            </Text>
          )}
        </div>
        <dl className="grid grid-cols-3 gap-4 px-6 py-4">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>
                <Text size="small" className="text-ui-fg-subtle">{label}</Text>
              </dt>
              <dd>
                <Text weight="plus" className="tabular-nums">{value}</Text>
              </dd>
            </div>
          ))}
        </dl>
      </Container>
      <RowErrorsTable jobId={job.id} jobStatus={job.status} />
    </div>
  )
}

// Vendor teams reach it from their imports, platform admins from the import monitoring: both may read a job.
export default ImportJobPage
