import { z } from "@medusajs/framework/zod"

const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(",")))
const flag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean())
const cents = z.coerce.number().int().min(0)

/** The staging filter, as query parameters or as a selection's `filter`. */
export const StagedProductFilter = z
  .object({
    q: z.string().trim().min(1).optional(),
    brand: list.optional(),
    availability: list.optional(),
    price_min: cents.optional(),
    price_max: cents.optional(),
    selected: flag.optional(),
    published: flag.optional(),
    has_upstream_changes: flag.optional(),
    gone: flag.optional(),
    group_id: z.string().optional(),
  })
  .strict()

const ORDERS = ["external_id", "title", "brand", "price_amount", "last_seen_at", "first_seen_at"] as const

export type AdminGetStagedProductsParamsType = z.infer<typeof AdminGetStagedProductsParams>
export const AdminGetStagedProductsParams = StagedProductFilter.extend({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  order: z
    .string()
    .regex(new RegExp(`^-?(${ORDERS.join("|")})$`), `order is one of ${ORDERS.join(", ")}, with - for descending`)
    .optional(),
})

export type AdminSetStagedSelectionType = z.infer<typeof AdminSetStagedSelection>
export const AdminSetStagedSelection = z
  .object({
    selected: z.boolean(),
    ids: z.array(z.string()).min(1).max(10000).optional(),
    filter: StagedProductFilter.optional(),
  })
  .strict()
  .refine((b) => !!b.ids !== !!b.filter, { message: "Give either ids or filter." })
