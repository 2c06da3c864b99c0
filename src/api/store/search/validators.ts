import { z } from "@medusajs/framework/zod"

const list = z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : String(v).split(",")), z.array(z.string().min(1)).optional())
const bool = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean().optional())

/** GET /store/search/products and GET /admin/catalog-search: a query, facet filters, a page. */
export const ProductSearchParams = z
  .object({
    q: z.string().trim().max(200).optional(),
    lang: z.string().trim().max(10).optional(),
    category_id: list,
    brand: list,
    price_min: z.coerce.number().nonnegative().optional(),
    price_max: z.coerce.number().nonnegative().optional(),
    in_stock: bool,
    facets: bool,
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10000).default(0),
  })
  .strict()
export type ProductSearchParamsType = z.infer<typeof ProductSearchParams>
