import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { JOB_STATUSES } from "../../../../modules/marketplace/job-status"

export type AdminCreateImportJobType = z.infer<typeof AdminCreateImportJob>
export const AdminCreateImportJob = z
  .object({
    language: z.string().length(2),
    url: z.string().url().regex(/^https?:\/\//i, "Only http and https feeds.").optional(),
    file_id: z.string().optional(),
    file_name: z.string().max(255).optional(),
    /** Platform admins name the vendor; a vendor's own members never need to. */
    vendor_id: z.string().optional(),
  })
  .strict()

export type AdminGetImportJobsParamsType = z.infer<typeof AdminGetImportJobsParams>
export const AdminGetImportJobsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  vendor_id: z.union([z.string(), z.array(z.string())]).optional(),
  status: z.union([z.enum(JOB_STATUSES), z.array(z.enum(JOB_STATUSES))]).optional(),
  language: z.string().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
})

export const AdminGetImportJobParams = createSelectParams()

export type AdminGetImportRowErrorsParamsType = z.infer<typeof AdminGetImportRowErrorsParams>
export const AdminGetImportRowErrorsParams = createFindParams({ limit: 50, offset: 0, order: "line" }).extend({
  severity: z.enum(["error", "warning"]).optional(),
  code: z.union([z.string(), z.array(z.string())]).optional(),
  format: z.enum(["json", "csv"]).optional(),
})
