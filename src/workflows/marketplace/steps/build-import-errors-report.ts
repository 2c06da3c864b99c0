import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importErrorsCsv } from "../import-errors-csv"

export type BuildImportErrorsReportInput = { job_id: string }

/** The job's row errors as the CSV file to store (reads only: nothing to compensate). */
export const buildImportErrorsReportStep = createStep(
  "build-import-errors-report",
  async ({ job_id }: BuildImportErrorsReportInput, { container }) => {
    const csv = await importErrorsCsv(container, job_id)
    return new StepResponse({
      filename: `import-${job_id}-errors.csv`,
      mimeType: "text/csv",
      // Base64, so the file providers store the bytes as they are (Medusa decodes base64 content first).
      content: Buffer.from(csv, "utf8").toString("base64"),
      access: "private" as const,
    })
  }
)
