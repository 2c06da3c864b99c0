import { parse } from "csv-parse/sync"
import { handleProblem, normalizeHandle } from "../../../modules/tenancy/handles"
import type { CreateVendorWorkflowInput } from "../workflows/create-vendor"

/** The seeds' bulk vendor format, in order. */
export const VENDOR_CSV_COLUMNS = [
  "vendor_name",
  "subdomain",
  "owner_name",
  "owner_email",
  "owner_phone",
  "business_address",
  "business_city",
  "business_postal_code",
  "business_country",
  "letzshop_csv_url",
  "initial_password",
] as const

type Column = (typeof VENDOR_CSV_COLUMNS)[number]
const REQUIRED: Column[] = ["vendor_name", "subdomain", "owner_email"]

/** A problem with the file (line 1 = the header) or with one cell of it. */
export type ImportProblem = { line: number; column?: string; code: string; message: string }
export type ParsedVendorRow = { line: number; input: CreateVendorWorkflowInput }
export type ParsedVendorCsv = { rows: ParsedVendorRow[]; errors: ImportProblem[]; fatal?: ImportProblem }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Reads a bulk vendor CSV (comma, UTF-8 with or without BOM) into vendor
 * inputs, with every problem located by line and column. Only what the file
 * alone can tell is checked here; the database checks come after.
 */
export function parseVendorCsv(text: string): ParsedVendorCsv {
  let records: { record: Record<string, string>; info: { lines: number } }[]
  let header: string[] = []
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
      info: true,
    })
  } catch (e) {
    const err = e as { message: string; lines?: number }
    return { rows: [], errors: [], fatal: { line: err.lines ?? 1, code: "IMPORT_UNREADABLE", message: err.message } }
  }
  if (!header.length) {
    return { rows: [], errors: [], fatal: { line: 1, code: "IMPORT_EMPTY", message: "The file is empty." } }
  }
  const missing = VENDOR_CSV_COLUMNS.filter((c) => !header.includes(c))
  const unknown = header.filter((h) => !(VENDOR_CSV_COLUMNS as readonly string[]).includes(h))
  if (missing.length || unknown.length) {
    const parts = [missing.length && `missing ${missing.join(", ")}`, unknown.length && `unknown ${unknown.join(", ")}`]
    return {
      rows: [],
      errors: [],
      fatal: {
        line: 1,
        code: "IMPORT_HEADER_INVALID",
        message: `The header must be ${VENDOR_CSV_COLUMNS.join(",")} (${parts.filter(Boolean).join("; ")}).`,
      },
    }
  }
  if (!records.length) {
    return { rows: [], errors: [], fatal: { line: 2, code: "IMPORT_EMPTY", message: "The file has a header but no vendors." } }
  }

  const rows: ParsedVendorRow[] = []
  const errors: ImportProblem[] = []
  const seen = new Map<string, number>()
  for (const { record, info } of records) {
    const line = info.lines
    const problem = (column: Column, code: string, message: string) => errors.push({ line, column, code, message })
    const before = errors.length
    const cell = (c: Column) => record[c] ?? ""

    for (const column of REQUIRED) {
      if (!cell(column)) problem(column, "ROW_VALUE_REQUIRED", `${column} is required.`)
    }
    const handle = normalizeHandle(cell("subdomain"))
    const handleIssue = handle ? handleProblem(handle) : null
    if (handleIssue) {
      problem("subdomain", `VENDOR_${handleIssue}`, handleIssue === "HANDLE_RESERVED"
        ? `"${handle}" is reserved by the platform.`
        : `"${cell("subdomain")}" is not a valid subdomain: 2–63 lower-case letters, digits and single hyphens.`)
    } else if (handle && seen.has(handle)) {
      problem("subdomain", "ROW_DUPLICATE_SUBDOMAIN", `"${handle}" is already used on line ${seen.get(handle)}.`)
    }
    if (cell("owner_email") && !EMAIL.test(cell("owner_email"))) {
      problem("owner_email", "ROW_INVALID_EMAIL", `"${cell("owner_email")}" is not an email address.`)
    }
    if (cell("business_country") && !/^[a-z]{2}$/i.test(cell("business_country"))) {
      problem("business_country", "ROW_INVALID_COUNTRY", `Use a two-letter ISO country code (LU, FR, DE…), not "${cell("business_country")}".`)
    }
    if (cell("letzshop_csv_url") && !/^https?:\/\/\S+$/i.test(cell("letzshop_csv_url"))) {
      problem("letzshop_csv_url", "ROW_INVALID_URL", "The Letzshop feed must be an http(s) URL.")
    }
    if (cell("initial_password") && cell("initial_password").length < 8) {
      problem("initial_password", "ROW_PASSWORD_TOO_SHORT", "The initial password needs at least 8 characters.")
    }
    if (handle && !seen.has(handle)) {
      seen.set(handle, line)
    }
    if (errors.length > before) {
      continue
    }

    const [first_name, ...rest] = cell("owner_name").split(/\s+/).filter(Boolean)
    rows.push({
      line,
      input: {
        handle,
        name: cell("vendor_name"),
        email: cell("owner_email").toLowerCase(),
        phone: cell("owner_phone") || null,
        address: {
          line1: cell("business_address") || undefined,
          city: cell("business_city") || undefined,
          postal_code: cell("business_postal_code") || undefined,
          country_code: cell("business_country").toLowerCase() || undefined,
        },
        letzshop_feeds: cell("letzshop_csv_url") ? { fr: cell("letzshop_csv_url") } : null,
        owner: {
          email: cell("owner_email").toLowerCase(),
          first_name: first_name ?? null,
          last_name: rest.join(" ") || null,
          password: cell("initial_password") || null,
        },
      },
    })
  }
  return { rows, errors }
}
