import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { exportImportErrorsWorkflow } from "../../../../../../../workflows/marketplace/workflows/export-import-errors"

/**
 * The job's row errors as a stored CSV file and a time-limited download link (presigned on S3), for the
 * dashboard's "download report" and for passing the report on without an admin session.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result: stored } = await exportImportErrorsWorkflow(req.scope).run({ input: { job_id: req.params.id } })
  const file = await req.scope.resolve(Modules.FILE).retrieveFile(stored.id)
  res.status(201).json({ file: { id: file.id, url: file.url, filename: `import-${req.params.id}-errors.csv` } })
}
