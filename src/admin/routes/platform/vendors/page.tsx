import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  toast,
  usePrompt,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { dateTime, errorMessage, ForAudience } from "../../marketplace/components/common"
import { deleteVendor, type Vendor, vendorAction, useVendorMutation, useVendors } from "../components/api"
import { CreateVendorModal } from "../components/create-vendor-modal"

const column = createDataTableColumnHelper<Vendor>()
const filter = createDataTableFilterHelper<Vendor>()
const STATUS_COLOR = { active: "green", pending: "orange", suspended: "red" } as const
const filters = [
  filter.accessor("status", { type: "multiselect", label: "Status", options: ["pending", "active", "suspended"].map((s) => ({ label: s, value: s })) }),
]

/** Platform admins: every vendor, by status, with its lifecycle actions. */
const VendorsPage = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: 20 })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const status = filtering.status as string[] | undefined
  const { data, isLoading } = useVendors({ limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize, q: search || undefined, status })
  const act = useVendorMutation(({ id, action }: { id: string; action: "verify" | "suspend" | "activate" }) => vendorAction(id, action))
  const remove = useVendorMutation(deleteVendor)
  const prompt = usePrompt()

  const run = (vendor: Vendor, action: "verify" | "suspend" | "activate") =>
    act.mutate({ id: vendor.id, action }, { onSuccess: () => toast.success(`${vendor.name}: ${action} done`), onError: (err) => toast.error(errorMessage(err)) })

  const confirmDelete = async (vendor: Vendor) => {
    const ok = await prompt({
      title: `Delete ${vendor.name}?`,
      description: `The shop ${vendor.handle} goes away with its products, warehouse, sales channel and team. Orders and user accounts are kept. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
      verificationText: vendor.handle,
      verificationInstruction: "Type the handle to confirm:",
    })
    if (!ok) return
    remove.mutate(
      { id: vendor.id },
      {
        onSuccess: () => toast.success(`${vendor.name} deleted`),
        onError: async (err) => {
          if ((err as { status?: number }).status !== 409) return toast.error(errorMessage(err))
          // VENDOR_HAS_ORDERS: the shop has orders; they stay either way, so offer to go on.
          const force = await prompt({ title: "The shop has orders", description: `${errorMessage(err)} Delete the shop anyway? Its orders are kept.`, confirmText: "Delete anyway", cancelText: "Keep it" })
          if (force) remove.mutate({ id: vendor.id, force: true }, { onSuccess: () => toast.success(`${vendor.name} deleted`), onError: (e) => toast.error(errorMessage(e)) })
        },
      }
    )
  }

  const columns = [
    column.accessor("name", { header: "Name" }),
    column.accessor("handle", { header: "Handle" }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <StatusBadge color={STATUS_COLOR[getValue()]}>{getValue()}</StatusBadge> }),
    column.accessor("verified_at", { header: "Verified", cell: ({ getValue }) => dateTime(getValue()) }),
    column.accessor("email", { header: "Email", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("created_at", { header: "Created", cell: ({ getValue }) => dateTime(getValue()) }),
    column.action({
      actions: ({ row }) => {
        const v = row.original
        return [
          [
            ...(v.verified_at ? [] : [{ label: "Verify", onClick: () => run(v, "verify") }]),
            v.status === "active" ? { label: "Suspend", onClick: () => run(v, "suspend") } : { label: "Activate", onClick: () => run(v, "activate") },
          ],
          [{ label: "Delete", onClick: () => confirmDelete(v) }],
        ]
      },
    }),
  ]

  const table = useDataTable({
    data: data?.vendors ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <Heading level="h1">Vendors</Heading>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.Search placeholder="Search name, handle, email" />
            <Button size="small" variant="secondary" asChild><Link to="/platform/vendor-import">Bulk import</Link></Button>
            <CreateVendorModal />
          </div>
        </DataTable.Toolbar>
        <DataTable.Table />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Vendors", rank: 1 })

export default function VendorsPageGuarded() {
  return (
    <ForAudience audience="platform">
      <VendorsPage />
    </ForAudience>
  )
}
