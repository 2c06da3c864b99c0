import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError, type ErrorCode } from "../../../lib/errors"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"
import { parseVendorCsv, type ImportProblem, type ParsedVendorRow } from "../vendor-import/parse-vendor-csv"

export type VendorImportRow = {
  line: number
  handle: string | null
  status: "valid" | "exists" | "invalid" | "created" | "failed"
  vendor_id?: string
  errors: Omit<ImportProblem, "line">[]
}
export type VendorImportPlan = { report: VendorImportRow[]; to_create: ParsedVendorRow[] }

export const checkVendorImportStepId = "check-vendor-import"

/**
 * Reads the CSV and checks each row against the platform: a subdomain taken
 * by the same owner's vendor is "exists" (re-running a file changes nothing),
 * by anyone else a conflict; a new owner needs an initial password.
 */
export const checkVendorImportStep = createStep(checkVendorImportStepId, async (input: { csv: string }, { container }) => {
  const parsed = parseVendorCsv(input.csv)
  if (parsed.fatal) {
    throw maartError("INVALID_DATA", parsed.fatal.code as ErrorCode, parsed.fatal.message, { line: parsed.fatal.line })
  }
  const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
  const handles = parsed.rows.map((r) => r.input.handle)
  const emails = parsed.rows.map((r) => r.input.owner.email)
  const existing = new Map((await tenancy.listVendors({ handle: handles }, { select: ["id", "handle", "email"] })).map((v) => [v.handle, v]))
  const users = new Set((await container.resolve(Modules.USER).listUsers({ email: emails }, { select: ["email"] })).map((u) => u.email))

  const report: VendorImportRow[] = parsed.errors.reduce<VendorImportRow[]>((rows, { line, ...problem }) => {
    const row = rows.find((r) => r.line === line)
    row ? row.errors.push(problem) : rows.push({ line, handle: null, status: "invalid", errors: [problem] })
    return rows
  }, [])
  const toCreate: ParsedVendorRow[] = []
  for (const row of parsed.rows) {
    const { handle, owner } = row.input
    const vendor = existing.get(handle)
    if (vendor && vendor.email === owner.email) {
      report.push({ line: row.line, handle, status: "exists", vendor_id: vendor.id, errors: [] })
    } else if (vendor) {
      report.push({ line: row.line, handle, status: "invalid", errors: [{ column: "subdomain", code: ErrorCodes.VENDOR_HANDLE_TAKEN, message: `"${handle}" belongs to another vendor.` }] })
    } else if (!users.has(owner.email) && !owner.password) {
      report.push({ line: row.line, handle, status: "invalid", errors: [{ column: "initial_password", code: ErrorCodes.VENDOR_OWNER_PASSWORD_REQUIRED, message: `${owner.email} has no account yet: give an initial password.` }] })
    } else {
      report.push({ line: row.line, handle, status: "valid", errors: [] })
      toCreate.push(row)
    }
  }
  report.sort((a, b) => a.line - b.line)
  return new StepResponse<VendorImportPlan>({ report, to_create: toCreate })
})
