/**
 * How a Medusa product becomes a document of the `product` search index (src/search/product.ts).
 * Pure functions over `query.graph` rows, shared by the seed (full reindex) and the event consumer,
 * so both write exactly the same document.
 */

/** The languages Letzshop feeds come in (docs/marketplace.md): each gets its own title/description field. */
export const SEARCH_LANGUAGES = ["fr", "de", "en", "lb"] as const
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number]

export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "status",
  "thumbnail",
  "metadata",
  "vendor.id",
  "sales_channels.id",
  "categories.id",
  "categories.name",
  "options.title",
  "options.values.value",
  "variants.id",
  "variants.sku",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.price_list_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

type Row = Record<string, any>
export type Translation = { reference_id: string; locale_code: string; translations: Record<string, string | null> | null }

/**
 * German shoppers type umlauts as ae/oe/ue (or drop them): `Bügeleisen` is also indexed as `buegeleisen`.
 * Accents themselves are folded by the engines (Postgres `unaccent`, Meilisearch's normalizer), so
 * `bugeleisen` and `creme` need nothing here.
 */
export function transliterate(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
}

const hasUmlaut = /[äöüß]/i

function priceRange(variants: Row[], currency: string) {
  const amounts = variants
    .flatMap((v) => v?.prices ?? [])
    .filter((p: Row) => p && !p.price_list_id && p.currency_code === currency && p.amount != null)
    .map((p: Row) => Number(p.amount))
    .filter((n: number) => Number.isFinite(n))
  return amounts.length ? { min: Math.min(...amounts), max: Math.max(...amounts) } : null
}

function inStock(variants: Row[]): boolean {
  return variants.some((v) => {
    if (!v) return false
    if (v.manage_inventory === false || v.allow_backorder) return true
    const levels = (v.inventory_items ?? []).flatMap((i: Row) => i?.inventory?.location_levels ?? [])
    return levels.some((l: Row) => Number(l?.stocked_quantity ?? 0) - Number(l?.reserved_quantity ?? 0) > 0)
  })
}

/** One document per product; `brands` maps product id → brand (product metadata, else its Letzshop item). */
export function toProductDocument(row: Row, opts: { currency: string; translations: Translation[]; brand?: string | null }) {
  const variants: Row[] = row.variants ?? []
  const price = priceRange(variants, opts.currency)
  const doc: Record<string, unknown> = {
    id: row.id,
    vendor_id: row.vendor?.id ?? null,
    sales_channel_ids: (row.sales_channels ?? []).map((s: Row) => s?.id).filter(Boolean),
    status: row.status,
    handle: row.handle,
    thumbnail: row.thumbnail ?? null,
    title: row.title,
    subtitle: row.subtitle ?? null,
    description: row.description ?? null,
    brand: (row.metadata?.brand as string | undefined) || opts.brand || null,
    category_ids: (row.categories ?? []).map((c: Row) => c?.id).filter(Boolean),
    category_names: (row.categories ?? []).map((c: Row) => c?.name).filter(Boolean),
    options: (row.options ?? []).flatMap((o: Row) => [o?.title, ...(o?.values ?? []).map((v: Row) => v?.value)]).filter(Boolean),
    skus: variants.map((v) => v?.sku).filter(Boolean),
    currency_code: opts.currency,
    price_min: price?.min ?? null,
    price_max: price?.max ?? null,
    in_stock: inStock(variants),
  }
  const texts: string[] = [row.title ?? ""]
  for (const lang of SEARCH_LANGUAGES) {
    const t = opts.translations.find((x) => x.reference_id === row.id && x.locale_code?.toLowerCase().startsWith(lang))
    doc[`title_${lang}`] = t?.translations?.title ?? null
    doc[`description_${lang}`] = t?.translations?.description ?? null
    if (t?.translations?.title) texts.push(t.translations.title)
  }
  // Only the titles with umlauts get a transliterated twin; it is matched, never shown.
  doc.folded = texts.filter((t) => hasUmlaut.test(t)).map(transliterate).join(" ") || null
  return doc
}
