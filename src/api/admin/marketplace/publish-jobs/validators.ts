import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { JOB_STATUSES } from "../../../../modules/marketplace/job-status"

export type AdminGetPublishJobsParamsType = z.infer<typeof AdminGetPublishJobsParams>
export const AdminGetPublishJobsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  /** Platform admins only; a vendor's members always see their own. */
  vendor_id: z.union([z.string(), z.array(z.string())]).optional(),
  status: z.union([z.enum(JOB_STATUSES), z.array(z.enum(JOB_STATUSES))]).optional(),
})

export const AdminGetPublishJobParams = createSelectParams()
