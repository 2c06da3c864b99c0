import type { IndexPlan, PlannedField } from "@medusajs/search-postgres/dist/utils/plan"
import { weightLabel } from "@medusajs/search-postgres/dist/utils/plan"

/**
 * The document table's shop-search layout (docs/search.md): besides Medusa's columns (`document`, `indexed`,
 * `search_vector`, `search_text`, kept so its own code paths still work), every filterable, facetable or sortable
 * field gets a typed column and the searchable fields a stored tsvector per language group, all generated from
 * `indexed` by PostgreSQL itself. The heap row holds only these (Medusa's wide columns go out of line), so a
 * shop's matches are read from a few hundred pages instead of a thousand.
 */

/**
 * An `indexed` value as text[] / as one text (array values joined by spaces, as Medusa's search_text): declared
 * immutable, so generated columns may call them (array_to_string is only stable).
 */
export const TEXT_ARRAY_FUNCTION = "maart_search_text_array"
export const TEXT_FUNCTION = "maart_search_text"

export const LAYOUT_VERSION = 2

export type Layout = {
  /** field path → its typed column. */
  columns: Map<string, { name: string; sqlType: string; planned: PlannedField }>
  /** Searchable fields without a language suffix, and the fields of each language (`title_de` → de). */
  base: string[]
  languages: Map<string, string[]>
}

const safe = (path: string) => path.toLowerCase().replace(/[^a-z0-9_]/g, "_")
export const typedColumn = (path: string) => `f_${safe(path)}`
export const languageColumn = (lang: string | null) => (lang ? `sv_${safe(lang)}` : "sv_base")
const jsonPath = (path: string) => `'{${path.split(".").join(",")}}'`

export function layoutOf(plan: IndexPlan): Layout {
  const columns: Layout["columns"] = new Map()
  for (const planned of plan.fields.values()) {
    const f = planned.field as { filterable?: boolean; sortable?: boolean; facetable?: unknown }
    if (!(f.filterable || f.sortable || f.facetable) || !["text", "keyword", "number", "boolean"].includes(planned.kind)) continue
    const scalar = planned.kind === "number" ? "float8" : planned.kind === "boolean" ? "boolean" : "text"
    // Arrays of numbers or booleans are left to Medusa's containment path.
    if (planned.is_array && scalar !== "text") continue
    columns.set(planned.path, { name: typedColumn(planned.path), sqlType: planned.is_array ? "text[]" : scalar, planned })
  }
  const base: string[] = []
  const languages = new Map<string, string[]>()
  for (const path of plan.searchable) {
    const m = /^(.+)_([a-z]{2})$/.exec(path)
    if (m && plan.searchable.includes(m[1])) {
      languages.set(m[2], [...(languages.get(m[2]) ?? []), path])
    } else {
      base.push(path)
    }
  }
  return { columns, base, languages }
}

function generatedValue(column: { sqlType: string; planned: PlannedField }) {
  const path = jsonPath(column.planned.path)
  if (column.sqlType === "text[]") return `${TEXT_ARRAY_FUNCTION}("indexed" #> ${path})`
  if (column.sqlType === "text") return `("indexed" #>> ${path})`
  return `(("indexed" #>> ${path})::${column.sqlType})`
}

/** A field's text as Medusa's search_vector reads it: array values joined by spaces. */
export function fieldText(plan: IndexPlan, path: string) {
  const planned = plan.fields.get(path)
  return planned?.is_array ? `coalesce(${TEXT_FUNCTION}("indexed" #> ${jsonPath(path)}), '')` : `coalesce("indexed" #>> ${jsonPath(path)}, '')`
}

function weightedVector(plan: IndexPlan, paths: string[], tsConfig: string) {
  if (!paths.length) return `''::tsvector`
  return paths
    .map((path) => `setweight(to_tsvector('${tsConfig}'::regconfig, ${fieldText(plan, path)}), '${weightLabel(plan.fields.get(path)!.field.searchable)}')`)
    .join(" || ")
}

/**
 * The vector a query on `lang` (or on every field: null) matches and ranks against. Written the same way in the
 * indexes and the queries, so the planner matches them.
 */
export function vectorExpr(layout: Layout, lang: string | null | "all") {
  // Every field: Medusa's own search_vector holds exactly that (written by its upsert), no concatenation per row.
  if (lang === "all") return `"search_vector"`
  const parts = [languageColumn(null), ...(lang ? [languageColumn(lang)] : [])].map((c) => `"${c}"`)
  return parts.length === 1 ? parts[0] : `(${parts.join(" || ")})`
}

/** Column definitions added to Medusa's CREATE TABLE. */
export function generatedColumnsSql(plan: IndexPlan, layout: Layout, tsConfig: string) {
  const columns = [...layout.columns.values()].map((c) => `"${c.name}" ${c.sqlType} GENERATED ALWAYS AS (${generatedValue(c)}) STORED`)
  columns.push(`"${languageColumn(null)}" tsvector GENERATED ALWAYS AS (${weightedVector(plan, layout.base, tsConfig)}) STORED`)
  for (const [lang, paths] of layout.languages) {
    columns.push(`"${languageColumn(lang)}" tsvector GENERATED ALWAYS AS (${weightedVector(plan, paths, tsConfig)}) STORED`)
  }
  return columns
}
