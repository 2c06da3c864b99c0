import type { MedusaContainer } from "@medusajs/framework/types"
import { resumeInterruptedImports } from "../workflows/marketplace/feed-import/resume-interrupted-imports"

/** Every minute: import jobs whose process died are run again (or failed after three runs). */
export default async function resumeImportJobs(container: MedusaContainer) {
  await resumeInterruptedImports(container)
}

export const config = { name: "resume-import-jobs", schedule: "* * * * *" }
