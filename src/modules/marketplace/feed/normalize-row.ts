import {
  FeedProblemCodes,
  parseAvailability,
  parseGtin,
  parseImageLinks,
  parsePrice,
  parseQuantity,
  parseWeight,
  sanitizeDescription,
  type Availability,
  type FeedProblemCode,
  type Money,
  type Parsed,
} from "./normalize"

/** A feed row as staging keeps it: typed fields, plus every cell as read (unknown columns too). */
export type StagedRow = {
  external_id: string
  group_id: string | null
  title: string | null
  description: string | null
  link: string | null
  image_urls: string[]
  availability: Availability | null
  availability_date: string | null
  price: Money
  sale_price: Money | null
  sale_price_effective_date: string | null
  brand: string | null
  gtin: string | null
  mpn: string | null
  condition: string | null
  product_type: string | null
  google_product_category: string | null
  attributes: Record<string, string>
  weight_grams: number | null
  quantity: number | null
  raw: Record<string, string>
}

/** A problem with one cell: rejected rows carry errors, imported ones may carry warnings. */
export type RowProblem = { line: number; column: string | null; code: FeedProblemCode; message: string; value?: string }

export const VARIANT_ATTRIBUTES = ["color", "size", "material", "pattern", "gender", "age_group"] as const

/**
 * One record of a feed, by its header's column names → a staged row, or the
 * reasons it is rejected (no id, a price or sale price that cannot be read, a
 * bad GTIN). Doubtful optional fields (availability, weight, quantity) become
 * warnings and stay empty.
 */
export function normalizeRow(columns: string[], cells: string[], line: number): { row?: StagedRow; errors: RowProblem[]; warnings: RowProblem[] } {
  const raw: Record<string, string> = {}
  const all: Record<string, string[]> = {}
  columns.forEach((name, i) => {
    const value = (cells[i] ?? "").trim()
    ;(all[name] ??= []).push(value)
    raw[all[name].length > 1 ? `${name}_${all[name].length}` : name] = value
  })
  cells.slice(columns.length).forEach((value, i) => {
    if (value.trim()) {
      raw[`_extra_${i + 1}`] = value.trim()
    }
  })
  const cell = (name: string) => all[name]?.find((v) => v !== "") ?? ""
  const errors: RowProblem[] = []
  const warnings: RowProblem[] = []
  const take = <T>(column: string, parsed: Parsed<T>, into: RowProblem[]): T | null => {
    if ("problem" in parsed) {
      into.push({ line, column, ...parsed.problem, value: cell(column).slice(0, 200) })
      return null
    }
    return parsed.value
  }
  const optional = <T>(column: string, parse: (v: string) => Parsed<T>, into: RowProblem[]) => (cell(column) ? take(column, parse(cell(column)), into) : null)

  const externalId = cell("id")
  if (!externalId) {
    errors.push({ line, column: "id", code: FeedProblemCodes.ID_MISSING, message: "The row has no id." })
  }
  const price = cell("price")
    ? take("price", parsePrice(cell("price")), errors)
    : (errors.push({ line, column: "price", code: FeedProblemCodes.PRICE_INVALID, message: "The row has no price." }), null)
  const salePrice = optional("sale_price", parsePrice, errors)
  const gtin = optional("gtin", parseGtin, errors)
  const availability = optional("availability", parseAvailability, warnings)
  const weight = optional("shipping_weight", parseWeight, warnings)
  const quantity = optional("quantity", parseQuantity, warnings)
  if (errors.length) {
    return { errors, warnings }
  }
  const text = (name: string) => cell(name) || null
  const description = cell("description")
  return {
    errors,
    warnings,
    row: {
      external_id: externalId,
      group_id: text("item_group_id"),
      title: text("title"),
      description: description ? sanitizeDescription(description) : null,
      link: text("link"),
      image_urls: parseImageLinks([...(all.image_link ?? []), ...(all.additional_image_link ?? [])]),
      availability,
      availability_date: text("availability_date"),
      price: price!,
      sale_price: salePrice,
      sale_price_effective_date: text("sale_price_effective_date"),
      brand: text("brand"),
      gtin,
      mpn: text("mpn"),
      condition: text("condition")?.toLowerCase() ?? null,
      product_type: text("product_type"),
      google_product_category: text("google_product_category"),
      attributes: Object.fromEntries(VARIANT_ATTRIBUTES.flatMap((a) => (cell(a) ? [[a, cell(a)]] : []))),
      weight_grams: weight,
      quantity,
      raw,
    },
  }
}
