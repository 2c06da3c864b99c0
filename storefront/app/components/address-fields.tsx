import type { AddressField, AddressValues } from "../lib/forms"

type Props = {
  /** Unique per form on the page (ids of the inputs). */
  idPrefix: string
  values?: AddressValues
  /** The region's countries: ISO 2 code and display name. */
  countries: { code: string; name: string }[]
  t: (key: string) => string
  /** Fields to mark invalid (aria-invalid). */
  invalid?: string[]
}

const AUTOCOMPLETE: Record<AddressField, string> = {
  first_name: "given-name",
  last_name: "family-name",
  company: "organization",
  address_1: "address-line1",
  address_2: "address-line2",
  postal_code: "postal-code",
  city: "address-level2",
  province: "address-level1",
  country_code: "country",
  phone: "tel",
}

const REQUIRED = new Set<AddressField>(["first_name", "last_name", "address_1", "postal_code", "city", "country_code"])

/** The fields of a postal address, labelled, with the browser's autocomplete hints. */
export function AddressFields({ idPrefix, values = {}, countries, t, invalid = [] }: Props) {
  const input = (field: Exclude<AddressField, "country_code">, type = "text") => (
    <p className="field">
      <label htmlFor={`${idPrefix}-${field}`}>{t(`form.${field}`)}</label>
      <input
        id={`${idPrefix}-${field}`}
        name={field}
        type={type}
        defaultValue={values[field] ?? ""}
        autoComplete={AUTOCOMPLETE[field]}
        required={REQUIRED.has(field)}
        aria-invalid={invalid.includes(field) || undefined}
        maxLength={200}
      />
    </p>
  )
  return (
    <>
      <div className="field-row">
        {input("first_name")}
        {input("last_name")}
      </div>
      {input("company")}
      {input("address_1")}
      {input("address_2")}
      <div className="field-row">
        {input("postal_code")}
        {input("city")}
      </div>
      {input("province")}
      <p className="field">
        <label htmlFor={`${idPrefix}-country_code`}>{t("form.country")}</label>
        <select
          id={`${idPrefix}-country_code`}
          name="country_code"
          defaultValue={values.country_code || countries[0]?.code}
          autoComplete="country"
          required
          aria-invalid={invalid.includes("country_code") || undefined}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </p>
      {input("phone", "tel")}
    </>
  )
}
