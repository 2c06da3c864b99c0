import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify/sync"

export const IMPORT_ERROR_CSV_COLUMNS = ["line", "column", "code", "message", "value", "external_id", "severity"]

/** An import job's rejected rows and warnings as a CSV file, by line (the download and the exported report). */
export async function importErrorsCsv(container: MedusaContainer, jobId: string, filters: Record<string, unknown> = {}): Promise<string> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "import_row_error",
    fields: IMPORT_ERROR_CSV_COLUMNS,
    filters: { ...filters, job_id: jobId },
    pagination: { order: { line: "ASC" } },
  })
  return stringify(
    data.map((e) => IMPORT_ERROR_CSV_COLUMNS.map((c) => (e as Record<string, unknown>)[c] ?? "")),
    { header: true, columns: IMPORT_ERROR_CSV_COLUMNS }
  )
}
