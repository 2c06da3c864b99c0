import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { PRODUCT_GRAPH_FIELDS, SEARCH_LANGUAGES, toProductDocument, type Translation } from "./_product-document"

/**
 * The product search index (Medusa's search module: docs/search.md). One index for every shop: each
 * document carries its vendor and sales channel, and every store query is filtered by them server-side
 * (src/api/store/search/middlewares.ts). Kept current by the module's own ingestion subscriber from the
 * events below — the Letzshop publish emits the same product events as Medusa's product workflows.
 */
const perLanguage = Object.fromEntries(
  SEARCH_LANGUAGES.flatMap((lang) => [
    [`title_${lang}`, search.text().searchable({ weight: 3 })],
    [`description_${lang}`, search.text().searchable({ weight: 1 })],
  ])
) as Record<string, ReturnType<typeof search.text>>

const fields = search.define({
  id: search.keyword().filterable(),
  vendor_id: search.keyword().filterable().facetable(),
  sales_channel_ids: search.keyword().array().filterable(),
  status: search.keyword().filterable(),
  handle: search.keyword(),
  thumbnail: search.keyword(),
  title: search.text().searchable({ weight: 3 }).sortable(),
  subtitle: search.text().searchable({ weight: 2 }),
  description: search.text().searchable({ weight: 1 }),
  ...perLanguage,
  folded: search.text().searchable({ weight: 2 }).retrievable(false),
  brand: search.keyword().searchable({ weight: 2 }).filterable().facetable(),
  category_ids: search.keyword().array().filterable().facetable(),
  category_names: search.text().array().searchable({ weight: 1 }),
  options: search.text().array().searchable({ weight: 1 }),
  skus: search.keyword().array().searchable({ weight: 1 }).filterable(),
  currency_code: search.keyword(),
  price_min: search.float().filterable().sortable().facetable(),
  price_max: search.float().filterable().sortable(),
  in_stock: search.boolean().filterable().facetable(),
})

/** Prices are indexed in the platform's currency (Luxembourg: EUR). */
const currency = () => (process.env.SEARCH_PRICE_CURRENCY || "eur").toLowerCase()

type Row = Record<string, any>

// A page of products → documents: their translations and Letzshop brands in one query each.
async function toDocuments(rows: Row[], context: SearchTypes.SearchIngestionContext) {
  const ids = rows.map((r) => r.id)
  if (!ids.length) return []
  const { query, logger } = context.container
  let translations: Translation[] = []
  let brands = new Map<string, string>()
  try {
    const { data } = await query.graph({ entity: "translation", fields: ["reference_id", "locale_code", "translations"], filters: { reference_id: ids } })
    translations = data as Translation[]
  } catch (e) {
    logger.warn(`[search] product translations not read: ${(e as Error).message}`)
  }
  try {
    const { data } = await query.graph({ entity: "staged_product", fields: ["published_product_id", "brand"], filters: { published_product_id: ids } })
    brands = new Map((data as Row[]).filter((s) => s.brand).map((s) => [s.published_product_id, s.brand]))
  } catch (e) {
    logger.warn(`[search] Letzshop brands not read: ${(e as Error).message}`)
  }
  return rows.map((row) => toProductDocument(row, { currency: currency(), translations, brand: brands.get(row.id) }) as any)
}

const ids = (data: unknown): string[] => {
  const list = Array.isArray(data) ? data : [data]
  return list.map((d: any) => (typeof d === "string" ? d : d?.id ?? d?.product_id)).filter(Boolean)
}

export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields,
  settings: { typo_tolerance: { enabled: true } },
  events: [
    "product.created",
    "product.updated",
    "product.deleted",
    // A variant's price or stock moves the price range and availability of its product.
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    // Maart's own: the search reindex and the publish path name products directly.
    "search.products.changed",
  ],
  consume: graphConsume({
    fields: PRODUCT_GRAPH_FIELDS,
    transform: toDocuments,
    resolve_ids: async (event, context) => {
      if (!event.name.startsWith("product-variant.")) {
        return ids(event.data)
      }
      const variantIds = ids(event.data)
      if (!variantIds.length) return []
      const { data } = await context.container.query.graph({
        entity: "product_variant",
        fields: ["product_id"],
        filters: { id: variantIds },
        withDeleted: true,
      } as any)
      return [...new Set((data as Row[]).map((v) => v.product_id).filter(Boolean))]
    },
    // A deleted variant changes its product; only a deleted product leaves the index.
    is_delete: (event) => event.name === "product.deleted",
  }),
  seed: graphSeed({ fields: PRODUCT_GRAPH_FIELDS, transform: toDocuments, batch_size: 250 }),
})
