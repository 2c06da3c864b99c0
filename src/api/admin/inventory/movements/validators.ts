import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { MOVEMENT_KINDS } from "../../../../modules/inventory-ledger/models/inventory-movement"

const OneOrMany = z.union([z.string(), z.array(z.string())])
const Reason = z.enum(MOVEMENT_KINDS)
const IsoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), { message: "Expected an ISO date." })
  .transform((v) => new Date(v))

export type AdminGetInventoryMovementsParamsType = z.infer<typeof AdminGetInventoryMovementsParams>
export const AdminGetInventoryMovementsParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  inventory_item_id: OneOrMany.optional(),
  location_id: OneOrMany.optional(),
  reason: z.union([Reason, z.array(Reason)]).optional(),
  // Platform admins only: a vendor user always reads their own vendor's movements.
  vendor_id: OneOrMany.optional(),
  // Part of the SKU, case-insensitive.
  q: z.string().optional(),
  // created_at range, inclusive.
  from: IsoDate.optional(),
  to: IsoDate.optional(),
})
