import type { SearchTypes } from "@medusajs/framework/types"
import type { Layout } from "./layout"

/** A query the typed columns cannot answer exactly: the provider hands it to Medusa's own path. */
export class NotOnFastPath extends Error {}

type Column = NonNullable<ReturnType<Layout["columns"]["get"]>>
const unsupported = (why: string): never => {
  throw new NotOnFastPath(why)
}

function cast(column: Column, value: unknown) {
  if (column.sqlType === "float8") {
    const n = typeof value === "number" ? value : Number(value)
    if (Number.isNaN(n)) unsupported(`"${column.planned.path}" is not a number`)
    return n
  }
  if (column.sqlType === "boolean") return value === true || value === "true" || (value !== "false" && Boolean(value))
  return String(value)
}

const scalarType = (column: Column) => (column.sqlType === "text[]" ? "text" : column.sqlType)

/** The values as one bound array: `ARRAY[?, ?]::type[]` (knex would expand a bound JS array into a list). */
function arrayParam(column: Column, values: unknown[], params: unknown[]) {
  params.push(...values.map((v) => cast(column, v)))
  return `ARRAY[${values.map(() => "?").join(", ")}]::${scalarType(column)}[]`
}

/** Matches when the field equals (arrays: contains) any of the values; `indexed` never stores null. */
function anyOf(column: Column, values: unknown[], params: unknown[]) {
  const col = `"${column.name}"`
  const present = values.filter((v) => v !== null && v !== undefined)
  const parts: string[] = []
  if (present.length) {
    if (column.sqlType === "text[]") parts.push(`${col} && ${arrayParam(column, present, params)}`)
    else if (present.length === 1) {
      parts.push(`${col} = ?`)
      params.push(cast(column, present[0]))
    } else parts.push(`${col} = ANY(${arrayParam(column, present, params)})`)
  }
  if (present.length < values.length) parts.push(`${col} IS NULL`)
  if (!parts.length) return "FALSE"
  return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`
}

function fieldPredicate(layout: Layout, path: string, raw: unknown, params: unknown[]): string {
  const column = layout.columns.get(path) ?? unsupported(`no typed column for "${path}"`)
  const col = `"${column.name}"`
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return anyOf(column, Array.isArray(raw) ? raw : [raw], params)
  }
  const parts: string[] = []
  for (const [op, value] of Object.entries(raw as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value]
    switch (op) {
      case "$eq":
      case "$in":
        parts.push(anyOf(column, list, params))
        break
      case "$ne":
      case "$nin":
        // Medusa's semantics: a document without the field is "not equal".
        parts.push(value === null || value === undefined ? `${col} IS NOT NULL` : `NOT coalesce(${anyOf(column, list, params)}, false)`)
        break
      case "$gt":
      case "$gte":
      case "$lt":
      case "$lte": {
        if (column.sqlType === "text[]") unsupported(`${op} on an array`)
        const sqlOp = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }[op]
        parts.push(`${col} ${sqlOp} ?`)
        params.push(cast(column, value))
        break
      }
      case "$exists":
        parts.push(value ? `${col} IS NOT NULL` : `${col} IS NULL`)
        break
      case "$contains":
      case "$overlaps":
        if (column.sqlType !== "text[]") unsupported(`${op} needs an array`)
        parts.push(`${col} ${op === "$contains" ? "@>" : "&&"} ${arrayParam(column, list, params)}`)
        break
      case "$prefix":
      case "$like":
        if (column.sqlType !== "text") unsupported(`${op} on "${path}"`)
        parts.push(`${col} LIKE ?`)
        params.push(op === "$prefix" ? `${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : String(value))
        break
      default:
        unsupported(`operator ${op}`)
    }
  }
  if (!parts.length) unsupported(`empty operator map on "${path}"`)
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`
}

/** The filter tree over the typed columns ($and, $or, $not, field operators). */
export function whereSql(layout: Layout, filters: SearchTypes.SearchFilters | undefined, params: unknown[]): string | undefined {
  if (!filters) return undefined
  const compile = (branch: Record<string, unknown>): string => {
    const parts: string[] = []
    for (const [key, value] of Object.entries(branch)) {
      if (key === "q") continue
      if (key === "$and" || key === "$or") {
        const nested = ((value as Record<string, unknown>[]) ?? []).map(compile).filter(Boolean)
        if (nested.length) parts.push(`(${nested.join(key === "$and" ? " AND " : " OR ")})`)
      } else if (key === "$not") {
        const nested = compile(value as Record<string, unknown>)
        if (nested) parts.push(`NOT (${nested})`)
      } else {
        parts.push(fieldPredicate(layout, key, value, params))
      }
    }
    return parts.join(" AND ")
  }
  return compile(filters as Record<string, unknown>) || undefined
}

type FacetRequest = { field: string; type: "value" | "range" | "stats"; limit?: number; sort?: string; query?: string; ranges?: { key: string; from?: number; to?: number }[] }

/**
 * One facet as a scalar subquery over the matches (`m`), answering JSON in the shape Medusa's provider maps
 * (`mapFacetResult`): value rows, range counts or stats. All facets ride in the hits' statement.
 */
export function facetSql(layout: Layout, request: FacetRequest, params: unknown[]) {
  const column = layout.columns.get(request.field) ?? unsupported(`facet on "${request.field}"`)
  const col = `m."${column.name}"`
  if (request.type === "stats") {
    if (column.sqlType !== "float8") unsupported("stats on a non-number")
    return `(SELECT json_build_object('min', min(${col}), 'max', max(${col}), 'avg', avg(${col}), 'sum', sum(${col}), 'count', count(*)) FROM m)`
  }
  if (request.type === "range") {
    if (column.sqlType !== "float8") unsupported("range on a non-number")
    const counts = (request.ranges ?? []).map((range, i) => {
      const cond: string[] = []
      if (range.from !== undefined) {
        cond.push(`${col} >= ?`)
        params.push(Number(range.from))
      }
      if (range.to !== undefined) {
        cond.push(`${col} < ?`)
        params.push(Number(range.to))
      }
      return `'r${i}', count(*) FILTER (WHERE ${cond.join(" AND ") || "TRUE"})`
    })
    return `(SELECT json_build_object(${counts.join(", ")}) FROM m)`
  }
  const value = column.sqlType === "text[]" ? `unnest(${col})` : `${col}::text`
  let filter = ""
  if (request.query) {
    filter = "WHERE value LIKE ?"
    params.push(`${request.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  }
  const order = request.sort === "alpha" ? "value ASC" : "count DESC, value ASC"
  params.push(request.limit ?? 10)
  return `(SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY ${order}), '[]'::json) FROM (
      SELECT value, count(*)::int AS count FROM (SELECT ${value} AS value FROM m) v
      ${filter ? `${filter} AND` : "WHERE"} value IS NOT NULL GROUP BY value ORDER BY ${order} LIMIT ?) f)`
}

/** The facet's JSON as the search result's facet. */
export function facetResult(request: FacetRequest, raw: any): SearchTypes.SearchFacetResult {
  if (request.type === "stats") {
    return { type: "stats", min: Number(raw?.min ?? 0), max: Number(raw?.max ?? 0), avg: raw?.avg == null ? undefined : Number(raw.avg), sum: raw?.sum == null ? undefined : Number(raw.sum), count: Number(raw?.count ?? 0) } as SearchTypes.SearchFacetResult
  }
  if (request.type === "range") {
    return { type: "range", ranges: (request.ranges ?? []).map((r, i) => ({ key: r.key, from: r.from, to: r.to, count: Number(raw?.[`r${i}`] ?? 0) })) } as SearchTypes.SearchFacetResult
  }
  return { type: "value", values: ((raw ?? []) as { value: unknown; count: number }[]).map((r) => ({ value: String(r.value), count: Number(r.count) })) } as SearchTypes.SearchFacetResult
}
