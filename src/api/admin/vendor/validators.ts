import { z } from "@medusajs/framework/zod"

/** What a vendor's team may change on its own vendor (settings.edit): the Stripe Connect account; null clears it. */
export type AdminUpdateActiveVendorType = z.infer<typeof AdminUpdateActiveVendor>
export const AdminUpdateActiveVendor = z.object({ stripe_account_id: z.string().nullable().optional() }).strict()
