import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Badge,
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
  Heading,
  StatusBadge,
  Text,
  toast,
  usePrompt,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { dateTime, errorMessage, ForAudience } from "../../marketplace/components/common"
import { type PlatformUser, resetPasswords, setUserActive, usePlatformUsers, useUserMutation, useVendorNames } from "../components/api"

const column = createDataTableColumnHelper<PlatformUser>()
const filter = createDataTableFilterHelper<PlatformUser>()
const command = createDataTableCommandHelper()

/** Platform users: every account with its memberships; deactivate / activate; password resets by email. */
const UsersPage = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  const vendorNames = useVendorNames().data
  const { data, isLoading } = usePlatformUsers({
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    q: search || undefined,
    status: filtering.deactivated_at as string | undefined,
    vendor_id: filtering.memberships as string | undefined,
  })
  const activate = useUserMutation(setUserActive)
  const reset = useUserMutation(resetPasswords)
  const prompt = usePrompt()

  const resetFor = async (ids: string[]) => {
    const ok = await prompt({
      title: `Reset ${ids.length} password${ids.length > 1 ? "s" : ""}?`,
      description: "Each current password stops working at once; each user gets an email with a link to choose a new one.",
      confirmText: "Reset",
      cancelText: "Cancel",
    })
    if (!ok) return
    reset.mutate(
      { user_ids: ids },
      {
        onSuccess: (r) => {
          setRowSelection({})
          toast.success(`Reset links: ${r.sent} sent, ${r.skipped} skipped, ${r.failed} failed`)
        },
        onError: (err) => toast.error(errorMessage(err)),
      }
    )
  }

  const toggle = (user: PlatformUser) =>
    activate.mutate(
      { id: user.id, active: !!user.deactivated_at },
      { onSuccess: () => toast.success(`${user.email} ${user.deactivated_at ? "activated" : "deactivated"}`), onError: (err) => toast.error(errorMessage(err)) }
    )

  const columns = [
    column.select(),
    column.accessor("email", {
      header: "User",
      cell: ({ row }) => (
        <div className="flex flex-col">
          <Text size="small" weight="plus">{row.original.email}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">{[row.original.first_name, row.original.last_name].filter(Boolean).join(" ")}</Text>
        </div>
      ),
    }),
    column.accessor("memberships", {
      header: "Memberships",
      cell: ({ row }) => (
        <div className="flex flex-wrap gap-1">
          {row.original.platform_admin && <Badge size="2xsmall" color="purple">Platform admin</Badge>}
          {row.original.memberships.map((m) => (
            <Badge key={m.id} size="2xsmall" color={m.active ? "grey" : "red"}>{m.vendor.name ?? m.vendor.id} · {m.role.name}{m.active ? "" : " (inactive)"}</Badge>
          ))}
        </div>
      ),
    }),
    column.accessor("deactivated_at", {
      header: "Status",
      cell: ({ getValue }) => (getValue() ? <StatusBadge color="red">Deactivated {dateTime(getValue())}</StatusBadge> : <StatusBadge color="green">Active</StatusBadge>),
    }),
    column.action({
      actions: ({ row }) => [
        [{ label: row.original.deactivated_at ? "Activate" : "Deactivate", onClick: () => toggle(row.original) }],
        [{ label: "Reset password", onClick: () => resetFor([row.original.id]) }],
      ],
    }),
  ]

  const filters = useMemo(
    () => [
      filter.accessor("deactivated_at", { type: "radio", label: "Status", options: [{ label: "Active", value: "active" }, { label: "Deactivated", value: "deactivated" }] }),
      filter.accessor("memberships", { type: "select", label: "Vendor", options: [...(vendorNames ?? [])].map(([value, label]) => ({ label, value })) }),
    ],
    [vendorNames]
  )

  const table = useDataTable({
    data: data?.users ?? [],
    columns,
    filters,
    commands: [command.command({ label: "Reset passwords", shortcut: "r", action: (rows) => resetFor(Object.keys(rows)) })],
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    rowSelection: { state: rowSelection, onRowSelectionChange: setRowSelection },
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <Heading level="h1">Users</Heading>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.Search placeholder="Search email or name" />
          </div>
        </DataTable.Toolbar>
        <DataTable.Table />
        <DataTable.Pagination />
        <DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Users", rank: 3 })

export default function UsersPageGuarded() {
  return (
    <ForAudience audience="platform">
      <UsersPage />
    </ForAudience>
  )
}
