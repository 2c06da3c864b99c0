import { createDataTableColumnHelper, createDataTableFilterHelper, StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { StagedFilter, StagedProduct } from "./api"
import { dateTime, money } from "./common"

const column = createDataTableColumnHelper<StagedProduct>()
const filter = createDataTableFilterHelper<StagedProduct>()

/** "Upstream changed": the feed changed a published item since it was published — re-publish to apply it. */
export function UpstreamBadge({ at }: { at: string | null }) {
  if (!at) return null
  return (
    <Tooltip content={`The feed changed this item on ${dateTime(at)}, after it was published.`}>
      <StatusBadge color="orange" data-testid="upstream-changed">Upstream changed</StatusBadge>
    </Tooltip>
  )
}

export const stagedColumns = [
  column.select(),
  column.accessor("thumbnail", {
    header: "",
    cell: ({ getValue }) => (getValue() ? <img src={getValue()!} alt="" className="h-8 w-8 rounded object-cover" /> : null),
  }),
  column.accessor("external_id", { header: "Feed id", enableSorting: true }),
  column.accessor("title", {
    header: "Title",
    enableSorting: true,
    cell: ({ row }) => (
      <div className="flex flex-col">
        <Text size="small" weight="plus">{row.original.title ?? "–"}</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">{row.original.languages.map((l) => l.toUpperCase()).join(" · ")}</Text>
      </div>
    ),
  }),
  column.accessor("brand", { header: "Brand", enableSorting: true, cell: ({ getValue }) => getValue() ?? "–" }),
  column.accessor("price_amount", {
    header: "Price",
    enableSorting: true,
    cell: ({ row }) => (
      <span className="tabular-nums">
        {money(row.original.price_amount, row.original.currency_code ?? "EUR")}
        {row.original.sale_price ? <span className="text-ui-fg-subtle"> (sale {money(row.original.sale_price.amount, row.original.sale_price.currency)})</span> : null}
      </span>
    ),
  }),
  column.accessor("availability", { header: "Availability", cell: ({ getValue }) => getValue()?.replace("_", " ") ?? "–" }),
  column.display({
    id: "state",
    header: "State",
    cell: ({ row }) => {
      const s = row.original
      return (
        <div className="flex flex-wrap gap-1">
          {s.selected && <StatusBadge color="blue">Selected</StatusBadge>}
          {s.published_product_id ? (
            <Link to={`/products/${s.published_product_id}`} onClick={(e) => e.stopPropagation()}>
              <StatusBadge color="green">Published</StatusBadge>
            </Link>
          ) : (
            <StatusBadge color="grey">Not published</StatusBadge>
          )}
          <UpstreamBadge at={s.upstream_changed_at} />
          {s.gone_at && <StatusBadge color="red">Gone from feed</StatusBadge>}
        </div>
      )
    },
  }),
]

const yesNo = (yes: string, no: string) => [
  { label: yes, value: "true" },
  { label: no, value: "false" },
]

export const stagedFilters = [
  filter.accessor("availability", {
    type: "multiselect",
    label: "Availability",
    options: ["in_stock", "out_of_stock", "preorder", "backorder"].map((v) => ({ label: v.replace("_", " "), value: v })),
  }),
  filter.accessor("brand", { type: "string", label: "Brand" }),
  filter.accessor("selected", { type: "radio", label: "Selected", options: yesNo("Selected", "Not selected") }),
  filter.accessor("published_product_id", { type: "radio", label: "Published", options: yesNo("Published", "Not published") }),
  filter.accessor("upstream_changed_at", { type: "radio", label: "Upstream changed", options: yesNo("Changed since published", "Up to date") }),
  filter.accessor("gone_at", { type: "radio", label: "Gone from feed", options: yesNo("Gone", "In the feed") }),
]

/** The DataTable's filter state and search as the staging API's filter (the same one bulk selection takes). */
export function toStagedFilter(state: Record<string, unknown>, q: string): StagedFilter {
  const flag = (v: unknown) => (v === "true" ? true : v === "false" ? false : undefined)
  return {
    q: q.trim() || undefined,
    availability: (state.availability as string[] | undefined)?.length ? (state.availability as string[]) : undefined,
    brand: typeof state.brand === "string" && state.brand.trim() ? [state.brand.trim()] : undefined,
    selected: flag(state.selected),
    published: flag(state.published_product_id),
    has_upstream_changes: flag(state.upstream_changed_at),
    gone: flag(state.gone_at),
  }
}
