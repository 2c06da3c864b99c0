import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify/sync"
import type { AdminGetImportRowErrorsParamsType } from "../../validators"

const CSV_COLUMNS = ["line", "column", "code", "message", "value", "external_id", "severity"]

/** A job's rejected rows and warnings by line; `?format=csv` downloads them all as a CSV file. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetImportRowErrorsParamsType>, res: MedusaResponse) {
  const { format, ...filters } = req.filterableFields as Record<string, unknown> & { format?: string }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const where = { ...filters, job_id: req.params.id }
  if (format === "csv") {
    const { data } = await query.graph({ entity: "import_row_error", fields: CSV_COLUMNS, filters: where, pagination: { order: { line: "ASC" } } })
    res
      .status(200)
      .set({ "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-${req.params.id}-errors.csv"` })
      .send(stringify(data.map((e) => CSV_COLUMNS.map((c) => (e as Record<string, unknown>)[c] ?? "")), { header: true, columns: CSV_COLUMNS }))
    return
  }
  const { data, metadata } = await query.graph({ entity: "import_row_error", fields: req.queryConfig.fields, filters: where, pagination: req.queryConfig.pagination })
  res.json({ errors: data, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
