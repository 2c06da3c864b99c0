/**
 * Reading and checking the shopper's HTML forms (cart, checkout, account): plain
 * functions, safe on both sides, so every form works without client JS.
 */

export const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "province", "country_code", "phone"] as const
export type AddressField = (typeof ADDRESS_FIELDS)[number]
export type AddressValues = Partial<Record<AddressField, string>>

const REQUIRED_ADDRESS: AddressField[] = ["first_name", "last_name", "address_1", "postal_code", "city", "country_code"]

/** A trimmed text field (at most `max` characters), "" when absent. */
export function text(form: FormData, name: string, max = 200): string {
  const value = form.get(name)
  return typeof value === "string" ? value.trim().slice(0, max) : ""
}

/** An address from `form`; `missing` names the required fields left empty (their label keys: `form.<field>`). */
export function readAddress(form: FormData, countries: string[]) {
  const values: AddressValues = {}
  for (const field of ADDRESS_FIELDS) {
    values[field] = text(form, field)
  }
  values.country_code = (values.country_code ?? "").toLowerCase()
  if (values.country_code && !countries.includes(values.country_code)) {
    values.country_code = ""
  }
  const missing = REQUIRED_ADDRESS.filter((f) => !values[f])
  return { values, missing }
}

/** The address as the Store API takes it: optional fields left out when empty. */
export function addressBody(values: AddressValues) {
  const body: Record<string, string> = {}
  for (const field of ADDRESS_FIELDS) {
    if (values[field]) {
      body[field] = values[field]!
    }
  }
  return body as {
    first_name: string
    last_name: string
    address_1: string
    postal_code: string
    city: string
    country_code: string
    company?: string
    address_2?: string
    province?: string
    phone?: string
  }
}

/** An address's fields as form values (null → ""). */
export function addressValues(address: Partial<Record<AddressField, string | null | undefined>> | null | undefined): AddressValues {
  const values: AddressValues = {}
  for (const field of ADDRESS_FIELDS) {
    values[field] = address?.[field] ?? ""
  }
  return values
}

/** One line for lists: "Léa Muller, 1 rue du Marché, 1111 Luxembourg". */
export function addressLine(address: AddressValues | null | undefined): string {
  if (!address) return ""
  const name = [address.first_name, address.last_name].filter(Boolean).join(" ")
  const place = [address.postal_code, address.city].filter(Boolean).join(" ")
  return [name, address.company, address.address_1, address.address_2, place].filter(Boolean).join(", ")
}

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)

/** A quantity field: an integer 0–`max`, else null. */
export function quantity(form: FormData, name = "quantity", max = 99): number | null {
  const raw = text(form, name, 10)
  if (!/^\d+$/.test(raw)) return null
  const n = Number(raw)
  return n <= max ? n : null
}

/** A "come back to" path inside the shop from `?next=` (never another site). */
export function safeNext(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback
  }
  return value
}
