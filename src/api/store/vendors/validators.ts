import { z } from "@medusajs/framework/zod"

export type StoreResolveVendorParamsType = z.infer<typeof StoreResolveVendorParams>
export const StoreResolveVendorParams = z
  .object({ host: z.string().min(1).max(255).optional(), handle: z.string().min(1).max(63).optional() })
  .refine((p) => !!p.host !== !!p.handle, { message: "Give exactly one of host or handle." })
