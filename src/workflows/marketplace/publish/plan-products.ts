import { VARIANT_ATTRIBUTES } from "../../../modules/marketplace/feed/normalize-row"

/** A staged item as publishing reads it, with the vendor's override when there is one. */
export type PublishItem = {
  id: string
  external_id: string
  group_id: string | null
  texts: Record<string, { title: string | null; description: string | null }>
  data: {
    price: { amount: number; currency: string }
    sale_price: { amount: number; currency: string } | null
    gtin: string | null
    image_urls: string[]
    attributes: Record<string, string>
    weight_grams: number | null
    quantity: number | null
    product_type?: string | null
  }
  content_hash: string
  published_product_id: string | null
  /** A published sibling read only to shape the group's options: no variant is planned for it. */
  context_only?: boolean
  override: {
    price_amount: number | null
    sale_price_amount: number | null
    titles: Record<string, string> | null
    descriptions: Record<string, string> | null
    status: "draft" | "published" | null
  } | null
}

export type PlannedVariant = {
  staged_id: string
  sku: string
  title: string
  options: Record<string, string>
  ean: string | null
  barcode: string | null
  weight: number | null
  manage_inventory: boolean
  quantity: number | null
  /** The regular price, in major units as Medusa keeps prices. */
  amount: number
  /** The sale price (major units) for the vendor's sale price list, when lower than the regular one. */
  sale_amount: number | null
  /** Title per non-default language, when the title is the item's text (a lone item). */
  translations: Record<string, { title: string }>
  metadata: Record<string, unknown>
}

/** A planned variant as Medusa's product module takes it (prices, stock and links are made apart). */
export const variantInput = (v: PlannedVariant) => ({
  title: v.title,
  sku: v.sku,
  ean: v.ean,
  barcode: v.barcode,
  weight: v.weight,
  manage_inventory: v.manage_inventory,
  options: v.options,
  metadata: v.metadata,
})

export type PlannedProduct = {
  key: string
  product_id: string | null
  handle: string
  title: string
  description: string | null
  status: "draft" | "published"
  images: { url: string }[]
  options: { title: string; values: string[] }[]
  variants: PlannedVariant[]
  /** The `product_type` path ("A > B > C") the product is filed under, when the feed has one. */
  category_path: string[] | null
  /** Title and description per non-default language (override, else the feed's text in it). */
  translations: Record<string, { title?: string; description?: string }>
  metadata: Record<string, unknown>
}

const DEFAULT_OPTION = { title: "Default option", value: "Default option value" }
const label = (attribute: string) => attribute.charAt(0).toUpperCase() + attribute.slice(1).replace(/_/g, " ")
/** "Home > Kitchen > Knives" → its segments; null for an empty path. */
export const categoryPath = (productType: string | null | undefined) => {
  const segments = (productType ?? "").split(">").map((s) => s.trim()).filter(Boolean)
  return segments.length ? segments : null
}
export const slugify = (text: string) =>
  text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 100)

/**
 * Feed items → Medusa products: items sharing an `item_group_id` are the
 * variants of one product, with an option for each attribute (color, size, …)
 * that differs inside the group. Overrides win over the feed: price, sale
 * price, titles and descriptions per language, status. The default language
 * fills the product, the others its translations; `product_type` names its
 * category. Pure: the publish step turns the plan into workflows.
 */
export function planProducts(items: PublishItem[], ctx: { vendor_handle: string; default_language: string; currency_code: string }): PlannedProduct[] {
  const groups = new Map<string, PublishItem[]>()
  for (const item of items) {
    const key = item.group_id ?? item.external_id
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return [...groups.entries()].map(([key, members]) => {
    members.sort((a, b) => a.external_id.localeCompare(b.external_id))
    const first = members[0]
    const own = (item: PublishItem, field: "title" | "description", language: string) =>
      (field === "title" ? item.override?.titles : item.override?.descriptions)?.[language] ?? item.texts[language]?.[field] ?? null
    const text = (item: PublishItem, field: "title" | "description") =>
      own(item, field, ctx.default_language) ?? Object.values(item.texts).find((t) => t[field])?.[field] ?? null
    // Product-level text: an override on any of the group's items counts for the product.
    const productText = (field: "title" | "description", language: string) =>
      own(members.find((m) => (field === "title" ? m.override?.titles : m.override?.descriptions)?.[language]) ?? first, field, language)
    const languages = [...new Set(members.flatMap((m) => [...Object.keys(m.texts ?? {}), ...Object.keys(m.override?.titles ?? {}), ...Object.keys(m.override?.descriptions ?? {})]))]
      .filter((l) => l !== ctx.default_language)
      .sort()
    const differing = VARIANT_ATTRIBUTES.filter((a) => new Set(members.map((m) => m.data.attributes[a] ?? "")).size > 1)
    const optionKey = (m: PublishItem) => differing.map((a) => m.data.attributes[a] ?? "—").join(" / ")
    // Items alike in every attribute still need options that tell them apart.
    const distinct = differing.length > 0 && new Set(members.map(optionKey)).size === members.length
    const options = distinct
      ? differing.map((a) => ({ title: label(a), values: [...new Set(members.map((m) => m.data.attributes[a] ?? "—"))] }))
      : members.length > 1
        ? [{ title: "Variant", values: members.map((m) => m.external_id) }]
        : [{ title: DEFAULT_OPTION.title, values: [DEFAULT_OPTION.value] }]
    const variants = members.filter((m) => !m.context_only).map<PlannedVariant>((m) => {
      const values = distinct
        ? Object.fromEntries(differing.map((a) => [label(a), m.data.attributes[a] ?? "—"]))
        : members.length > 1
          ? { Variant: m.external_id }
          : { [DEFAULT_OPTION.title]: DEFAULT_OPTION.value }
      const cents = m.override?.price_amount ?? m.data.price.amount
      const saleCents = m.override?.sale_price_amount ?? m.data.sale_price?.amount ?? null
      const lone = !distinct && members.length === 1
      return {
        staged_id: m.id,
        sku: `${ctx.vendor_handle}-${m.external_id}`,
        title: distinct ? Object.values(values).join(" / ") : members.length > 1 ? m.external_id : text(m, "title") ?? m.external_id,
        options: values,
        ean: m.data.gtin?.length === 13 ? m.data.gtin : null,
        barcode: m.data.gtin,
        weight: m.data.weight_grams,
        manage_inventory: m.data.quantity !== null,
        quantity: m.data.quantity,
        amount: cents / 100,
        // A "sale" at or above the regular price is no sale.
        sale_amount: saleCents !== null && saleCents < cents ? saleCents / 100 : null,
        translations: lone ? Object.fromEntries(languages.flatMap((l) => (own(m, "title", l) ? [[l, { title: own(m, "title", l)! }]] : []))) : {},
        metadata: { letzshop_id: m.external_id, staged_product_id: m.id, feed_price: m.data.price.amount / 100 },
      }
    })
    return {
      key,
      product_id: members.find((m) => m.published_product_id)?.published_product_id ?? null,
      handle: slugify(`${ctx.vendor_handle}-${key}`),
      // A product-level override on any of its items counts for the product.
      title: text(members.find((m) => m.override?.titles?.[ctx.default_language]) ?? first, "title") ?? key,
      description: text(members.find((m) => m.override?.descriptions?.[ctx.default_language]) ?? first, "description"),
      status: members.find((m) => m.override?.status)?.override?.status ?? "published",
      images: [...new Set(members.flatMap((m) => m.data.image_urls ?? []))].map((url) => ({ url })),
      options,
      variants,
      category_path: categoryPath(first.data.product_type),
      translations: Object.fromEntries(
        languages.map((l) => [l, Object.fromEntries((["title", "description"] as const).flatMap((f) => (productText(f, l) ? [[f, productText(f, l)]] : [])))])
      ),
      metadata: { letzshop_group_id: key },
    }
  })
}
