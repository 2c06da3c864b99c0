import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export type AdminGetPlatformUsersParamsType = z.infer<typeof AdminGetPlatformUsersParams>
export const AdminGetPlatformUsersParams = createFindParams({ limit: 50, offset: 0 }).extend({
  q: z.string().optional(),
  vendor_id: z.string().optional(),
  status: z.enum(["active", "deactivated"]).optional(),
})

export type AdminResetUserPasswordsType = z.infer<typeof AdminResetUserPasswords>
export const AdminResetUserPasswords = z
  .object({ user_ids: z.array(z.string()).min(1).max(1000).optional(), vendor_id: z.string().optional() })
  .strict()
  .refine((b) => (b.user_ids === undefined) !== (b.vendor_id === undefined), { message: "Give exactly one of user_ids or vendor_id." })
