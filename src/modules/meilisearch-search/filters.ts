/**
 * Medusa search filters (`{ field: value | { $op } , $and, $or, $not }`) as a Meilisearch filter expression.
 * Strings are double-quoted with `"` and `\` escaped, so a value can never change the expression.
 */
type Filters = Record<string, unknown>

const quote = (v: unknown) => (typeof v === "string" ? `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : typeof v === "boolean" || typeof v === "number" ? String(v) : JSON.stringify(String(v)))
const field = (name: string) => {
  if (!/^[A-Za-z0-9_.]+$/.test(name)) throw new Error(`Invalid search filter field "${name}"`)
  return name
}
const list = (values: unknown[]) => `[${values.map(quote).join(", ")}]`

function operators(name: string, ops: Record<string, unknown>): string[] {
  const f = field(name)
  const out: string[] = []
  for (const [op, v] of Object.entries(ops)) {
    switch (op) {
      case "$eq": out.push(v === null ? `${f} IS NULL` : `${f} = ${quote(v)}`); break
      case "$ne": out.push(v === null ? `${f} IS NOT NULL` : `${f} != ${quote(v)}`); break
      case "$in": out.push(`${f} IN ${list(v as unknown[])}`); break
      case "$nin": out.push(`${f} NOT IN ${list(v as unknown[])}`); break
      case "$gt": out.push(`${f} > ${quote(v)}`); break
      case "$gte": out.push(`${f} >= ${quote(v)}`); break
      case "$lt": out.push(`${f} < ${quote(v)}`); break
      case "$lte": out.push(`${f} <= ${quote(v)}`); break
      case "$exists": out.push(v ? `${f} EXISTS` : `${f} NOT EXISTS`); break
      case "$contains": out.push(Array.isArray(v) ? v.map((x) => `${f} = ${quote(x)}`).join(" AND ") : `${f} = ${quote(v)}`); break
      case "$overlaps": out.push(`${f} IN ${list(v as unknown[])}`); break
      default: throw new Error(`The Meilisearch provider does not support the filter operator ${op}`)
    }
  }
  return out
}

export function toMeiliFilter(filters?: Filters): string | undefined {
  if (!filters) return undefined
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (key === "$and" || key === "$or") {
      const sub = (value as Filters[]).map(toMeiliFilter).filter(Boolean) as string[]
      if (sub.length) parts.push(`(${sub.map((s) => `(${s})`).join(key === "$and" ? " AND " : " OR ")})`)
    } else if (key === "$not") {
      const sub = toMeiliFilter(value as Filters)
      if (sub) parts.push(`NOT (${sub})`)
    } else if (Array.isArray(value)) {
      parts.push(`${field(key)} IN ${list(value)}`)
    } else if (value !== null && typeof value === "object") {
      parts.push(...operators(key, value as Record<string, unknown>))
    } else if (value === null) {
      parts.push(`${field(key)} IS NULL`)
    } else {
      parts.push(`${field(key)} = ${quote(value)}`)
    }
  }
  return parts.length ? parts.join(" AND ") : undefined
}
