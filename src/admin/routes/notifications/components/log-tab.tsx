import {
  Button,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Drawer,
  StatusBadge,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { useCan } from "../../../lib/vendor"
import { dateTime, errorMessage } from "../../marketplace/components/common"
import { type LogEntry, useLog, useLogEntry, useRetry } from "./api"

const column = createDataTableColumnHelper<LogEntry>()
const filter = createDataTableFilterHelper<LogEntry>()
const STATUS_COLOR = { success: "green", failure: "red", pending: "orange" } as const
const TEMPLATES = ["order-confirmation", "vendor-order-notice", "password-reset", "team-invite"]

export const NotificationStatus = ({ status }: { status: LogEntry["status"] }) => <StatusBadge color={STATUS_COLOR[status] ?? "grey"}>{status}</StatusBadge>

/** The shop's emails as sent: filters, a detail drawer, and "Send again" for a failed order email. */
export function LogTab() {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const [openId, setOpenId] = useState<string | null>(null)
  const date = filtering.created_at as { $gte?: string; $lte?: string } | undefined
  const { data, isLoading, error } = useLog({
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    status: filtering.status as string | undefined,
    template: filtering.template as string | undefined,
    q: search || undefined,
    date_from: date?.$gte,
    date_to: date?.$lte,
  })

  const columns = useMemo(
    () => [
      column.accessor("created_at", { header: "Sent", cell: ({ getValue }) => dateTime(getValue()) }),
      column.accessor("template", { header: "Email", cell: ({ row }) => `${row.original.template ?? "–"}${row.original.test ? " (test)" : ""}` }),
      column.accessor("to", { header: "To" }),
      column.accessor("order", { header: "Order", cell: ({ getValue }) => (getValue() ? `#${getValue()!.display_id ?? getValue()!.id}` : "–") }),
      column.accessor("status", { header: "Status", cell: ({ getValue }) => <NotificationStatus status={getValue()} /> }),
      column.accessor("attempt", { header: "Attempt", cell: ({ row }) => `${row.original.attempt} of ${row.original.attempts}` }),
    ],
    []
  )
  const filters = useMemo(
    () => [
      filter.accessor("status", { type: "select", label: "Status", options: ["success", "failure", "pending"].map((s) => ({ label: s, value: s })) }),
      filter.accessor("template", { type: "select", label: "Email", options: TEMPLATES.map((t) => ({ label: t, value: t })) }),
      filter.accessor("created_at", { type: "date", label: "Sent", format: "date", options: [] }),
    ],
    []
  )
  const table = useDataTable({
    data: data?.notifications ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    onRowClick: (_, row) => setOpenId(row.id),
  })

  return (
    <>
      {error ? <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text> : null}
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex justify-between gap-2 px-6 py-4">
          <Text weight="plus">Sent emails</Text>
          <div className="flex gap-2">
            <DataTable.Search placeholder="Recipient" />
            <DataTable.FilterMenu tooltip="Filter" />
          </div>
        </DataTable.Toolbar>
        <DataTable.Table />
        <DataTable.Pagination />
      </DataTable>
      {openId ? <LogDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  )
}

function LogDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data } = useLogEntry(id)
  const retry = useRetry()
  const canRetry = useCan("orders.edit")
  const n = data?.notification
  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{n ? `${n.template} to ${n.to}` : "Email"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3">
          {n ? (
            <>
              <div className="flex items-center gap-x-2">
                <NotificationStatus status={n.status} />
                <Text size="small">{dateTime(n.created_at)} · attempt {n.attempt} of {n.attempts}{n.language ? ` · ${n.language.toUpperCase()}` : ""}</Text>
              </div>
              {n.order ? (
                <Text size="small">
                  About order <Link className="text-ui-fg-interactive" to={`/orders/${n.order.id}`}>#{n.order.display_id ?? n.order.id}</Link>
                </Text>
              ) : null}
              {n.attempt_history.length ? <Text size="small" weight="plus">Attempts</Text> : null}
              {n.attempt_history.map((a, i) => (
                <Text key={a.id} size="small" className="tabular-nums">
                  {i + 1}. {dateTime(a.created_at)} — {a.status}
                </Text>
              ))}
              {n.retryable && canRetry ? (
                <Button
                  size="small"
                  isLoading={retry.isPending}
                  onClick={() =>
                    retry
                      .mutateAsync(n.id)
                      .then((r) => toast.success(r.sent ? "Sent again" : "Already sent"))
                      .catch((e) => toast.error(errorMessage(e)))
                  }
                >
                  Send again
                </Button>
              ) : null}
            </>
          ) : (
            <Text size="small">Loading…</Text>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
