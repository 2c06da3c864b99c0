import { z } from "@medusajs/framework/zod"
import { StagedProductFilter } from "../staged-products/validators"

const cents = z.number().int().min(0)
const perLanguage = z.record(z.string().length(2), z.string().trim().min(1).max(10000))

/** What a vendor may change about a feed item for its shop; prices in cents; null clears. */
export const PublishOverride = z
  .object({
    price_amount: cents.nullable().optional(),
    sale_price_amount: cents.nullable().optional(),
    titles: perLanguage.nullable().optional(),
    descriptions: perLanguage.nullable().optional(),
    status: z.enum(["draft", "published"]).nullable().optional(),
  })
  .strict()

export type AdminPublishType = z.infer<typeof AdminPublish>
export const AdminPublish = z
  .object({
    ids: z.array(z.string()).min(1).max(10000).optional(),
    filter: StagedProductFilter.optional(),
    overrides: z.record(z.string(), PublishOverride).optional(),
  })
  .strict()
  .refine((b) => !(b.ids && b.filter), { message: "Give ids or a filter, not both (neither: the selected items)." })

export type AdminUnpublishType = z.infer<typeof AdminUnpublish>
export const AdminUnpublish = z.object({ ids: z.array(z.string()).min(1).max(10000) }).strict()
