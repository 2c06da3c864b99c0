import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

const OneOrMany = z.union([z.string(), z.array(z.string())])
const IsoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), { message: "Expected an ISO date." })
  .transform((v) => new Date(v))

export type AdminGetAuditLogParamsType = z.infer<typeof AdminGetAuditLogParams>
export const AdminGetAuditLogParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  actor_id: OneOrMany.optional(),
  // Platform admins only: a vendor user always reads their own vendor's entries.
  vendor_id: OneOrMany.optional(),
  action: OneOrMany.optional(),
  target_id: OneOrMany.optional(),
  outcome: z.union([z.enum(["succeeded", "failed", "denied"]), z.array(z.enum(["succeeded", "failed", "denied"]))]).optional(),
  method: z.union([z.enum(["POST", "PUT", "PATCH", "DELETE"]), z.array(z.enum(["POST", "PUT", "PATCH", "DELETE"]))]).optional(),
  // created_at range, inclusive.
  from: IsoDate.optional(),
  to: IsoDate.optional(),
})
