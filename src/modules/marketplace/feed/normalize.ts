import sanitizeHtml from "sanitize-html"

/**
 * Turning a Letzshop (Google Shopping) feed row's text into typed values
 * (../shared/letzshop-feed.md). Each parser returns a value or a problem code;
 * nothing here throws on bad input, and nothing goes through floating point.
 */
export type Problem = { code: FeedProblemCode; message: string }
export type Parsed<T> = { value: T } | { problem: Problem }

export const FeedProblemCodes = {
  ID_MISSING: "ID_MISSING",
  ID_DUPLICATE: "ID_DUPLICATE",
  PRICE_INVALID: "PRICE_INVALID",
  CURRENCY_INVALID: "CURRENCY_INVALID",
  GTIN_INVALID: "GTIN_INVALID",
  AVAILABILITY_UNKNOWN: "AVAILABILITY_UNKNOWN",
  WEIGHT_INVALID: "WEIGHT_INVALID",
  QUANTITY_INVALID: "QUANTITY_INVALID",
  LANGUAGE_CONFLICT: "LANGUAGE_CONFLICT",
} as const
export type FeedProblemCode = (typeof FeedProblemCodes)[keyof typeof FeedProblemCodes]

const problem = (code: FeedProblemCode, message: string): { problem: Problem } => ({ problem: { code, message } })

/** `Item Group ID`, ` ITEM_GROUP_ID ` → `item_group_id`. */
export const normalizeHeader = (name: string) =>
  name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_")

export type Money = { amount: number; currency: string }

/**
 * A price to integer cents, exactly: `12.50 EUR`, `12,50 EUR`, `1.234,50 EUR`, `EUR 12.50`, `12.5`,
 * `1 234,50 €`. With both `.` and `,` the last one is the decimal mark; a lone mark is the decimal
 * mark unless it repeats (`1.234.567`). More than two decimals is refused rather than rounded.
 */
export function parsePrice(raw: string, defaultCurrency = "EUR"): Parsed<Money> {
  const text = raw.replace(/[\u00a0\u202f]/g, " ").trim()
  const m = /^(?:([A-Za-z]{3}|€)\s*)?([-+]?[\d.,' ]+?)\s*(?:([A-Za-z]{3}|€))?$/.exec(text)
  if (!text || !m || (m[1] && m[3])) {
    return problem(FeedProblemCodes.PRICE_INVALID, `"${raw}" is not a price like 12.50 EUR.`)
  }
  const currency = (m[1] ?? m[3] ?? defaultCurrency).replace("€", "EUR").toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency)) {
    return problem(FeedProblemCodes.CURRENCY_INVALID, `"${currency}" is not an ISO 4217 currency.`)
  }
  let number = m[2].replace(/[ ']/g, "")
  if (number.startsWith("-")) {
    return problem(FeedProblemCodes.PRICE_INVALID, `"${raw}" is negative.`)
  }
  number = number.replace(/^\+/, "")
  const lastDot = number.lastIndexOf(".")
  const lastComma = number.lastIndexOf(",")
  let decimalMark: string | null = null
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? "." : ","
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? "." : ","
    decimalMark = number.split(mark).length === 2 ? mark : null
  }
  const thousands = decimalMark === "." ? "," : decimalMark === "," ? "." : /[.,]/.exec(number)?.[0]
  const [whole, fraction = ""] = (thousands ? number.split(thousands).join("") : number).split(decimalMark ?? "\u0000")
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) {
    return problem(FeedProblemCodes.PRICE_INVALID, `"${raw}" is not a price with at most two decimals.`)
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"))
  if (!Number.isSafeInteger(cents)) {
    return problem(FeedProblemCodes.PRICE_INVALID, `"${raw}" is too large.`)
  }
  return { value: { amount: cents, currency } }
}

/** A GTIN (8, 12, 13 or 14 digits) with a valid check digit, leading zeros kept. */
export function parseGtin(raw: string): Parsed<string> {
  const digits = raw.replace(/[\s-]/g, "")
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) {
    return problem(FeedProblemCodes.GTIN_INVALID, `"${raw}" is not a GTIN of 8, 12, 13 or 14 digits.`)
  }
  const body = digits.slice(0, -1)
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0)
  const check = (10 - (sum % 10)) % 10
  if (check !== Number(digits.at(-1))) {
    return problem(FeedProblemCodes.GTIN_INVALID, `"${raw}" has a wrong check digit (expected ${check}).`)
  }
  return { value: digits }
}

export type Availability = "in_stock" | "out_of_stock" | "preorder" | "backorder"
const AVAILABILITIES: Record<string, Availability> = { instock: "in_stock", outofstock: "out_of_stock", preorder: "preorder", backorder: "backorder" }

/** `in stock`, `In_Stock`, `in-stock`, `back-order` → `in_stock`, `backorder`. */
export function parseAvailability(raw: string): Parsed<Availability> {
  const value = AVAILABILITIES[raw.toLowerCase().replace(/[\s_-]+/g, "")]
  return value
    ? { value }
    : problem(FeedProblemCodes.AVAILABILITY_UNKNOWN, `"${raw}" is not one of in stock, out of stock, preorder, backorder.`)
}

const GRAMS_PER: Record<string, number> = { g: 1, gr: 1, kg: 1000, lb: 453.59237, lbs: 453.59237, oz: 28.349523125 }

/** `0.5 kg`, `500 g`, `1,2 kg`, `2 lb` → whole grams. */
export function parseWeight(raw: string): Parsed<number> {
  const m = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)$/i.exec(raw.trim())
  const factor = m && GRAMS_PER[m[2].toLowerCase()]
  if (!m || !factor) {
    return problem(FeedProblemCodes.WEIGHT_INVALID, `"${raw}" is not a weight like 500 g or 0.5 kg.`)
  }
  return { value: Math.round(Number(m[1].replace(",", ".")) * factor) }
}

/** A stock count: a whole number ≥ 0. */
export function parseQuantity(raw: string): Parsed<number> {
  const text = raw.trim()
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text))
    ? { value: Number(text) }
    : problem(FeedProblemCodes.QUANTITY_INVALID, `"${raw}" is not a whole number of items.`)
}

/** Product descriptions keep their formatting; scripts, styles, handlers and foreign markup go. */
export function sanitizeDescription(html: string): string {
  // Text without markup or entities comes out of sanitize-html as it went in (only <, >, & are
  // rewritten): skip the parser (~30 µs a row) for it.
  if (!/[<>&]/.test(html)) {
    return html.trim()
  }
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "h5", "h6", "span", "div", "a", "table", "thead", "tbody", "tr", "th", "td"],
    allowedAttributes: { a: ["href", "title", "rel"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener" }) },
  }).trim()
}

/** `https://a/1.jpg,https://a/2.jpg` (or repeated columns) → the URLs, http(s) only, deduplicated. */
export function parseImageLinks(values: string[]): string[] {
  const urls = values.flatMap((v) => v.split(/,(?=\s*https?:\/\/)/)).map((u) => u.trim())
  return [...new Set(urls.filter((u) => /^https?:\/\/\S+$/i.test(u)))]
}
