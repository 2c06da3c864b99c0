import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"

const STATUSES = ["queued", "running", "succeeded", "partially_succeeded", "failed", "cancelled"] as const

export type AdminGetPublishJobsParamsType = z.infer<typeof AdminGetPublishJobsParams>
export const AdminGetPublishJobsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  /** Platform admins only; a vendor's members always see their own. */
  vendor_id: z.union([z.string(), z.array(z.string())]).optional(),
  status: z.union([z.enum(STATUSES), z.array(z.enum(STATUSES))]).optional(),
})

export const AdminGetPublishJobParams = createSelectParams()
