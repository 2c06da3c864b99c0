import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { importErrorsCsv } from "../../../../../../workflows/marketplace/import-errors-csv"
import type { AdminGetImportRowErrorsParamsType } from "../../validators"

/** A job's rejected rows and warnings by line; `?format=csv` downloads them all as a CSV file. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetImportRowErrorsParamsType>, res: MedusaResponse) {
  const { format, ...filters } = req.filterableFields as Record<string, unknown> & { format?: string }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const where = { ...filters, job_id: req.params.id }
  if (format === "csv") {
    res
      .status(200)
      .set({ "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-${req.params.id}-errors.csv"` })
      .send(await importErrorsCsv(req.scope, req.params.id, filters))
    return
  }
  const { data, metadata } = await query.graph({ entity: "import_row_error", fields: req.queryConfig.fields, filters: where, pagination: req.queryConfig.pagination })
  res.json({ errors: data, count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}
