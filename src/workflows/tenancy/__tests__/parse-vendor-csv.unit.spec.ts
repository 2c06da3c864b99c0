import { parseVendorCsv, VENDOR_CSV_COLUMNS } from "../vendor-import/parse-vendor-csv"

const HEADER = VENDOR_CSV_COLUMNS.join(",")
const row = (over: Partial<Record<(typeof VENDOR_CSV_COLUMNS)[number], string>> = {}) => {
  const base = {
    vendor_name: "Acme",
    subdomain: "acme",
    owner_name: "Anna Maria Schmit",
    owner_email: "anna@acme.lu",
    owner_phone: "+352 123",
    business_address: "1 rue de la Gare",
    business_city: "Luxembourg",
    business_postal_code: "L-1234",
    business_country: "LU",
    letzshop_csv_url: "https://letzshop.lu/feed.csv",
    initial_password: "secret-123",
    ...over,
  }
  return VENDOR_CSV_COLUMNS.map((c) => (/[",\n]/.test(base[c]) ? `"${base[c].replace(/"/g, '""')}"` : base[c])).join(",")
}

describe("parseVendorCsv", () => {
  it("reads a vendor with its owner, address and feed", () => {
    const { rows, errors } = parseVendorCsv(`\uFEFF${HEADER}\r\n${row()}\r\n`)
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        input: {
          handle: "acme",
          name: "Acme",
          email: "anna@acme.lu",
          phone: "+352 123",
          address: { line1: "1 rue de la Gare", city: "Luxembourg", postal_code: "L-1234", country_code: "lu" },
          letzshop_feeds: { fr: "https://letzshop.lu/feed.csv" },
          owner: { email: "anna@acme.lu", first_name: "Anna", last_name: "Maria Schmit", password: "secret-123" },
        },
      },
    ])
  })

  it("locates every bad cell by line and column, and keeps the good rows", () => {
    const csv = [
      HEADER,
      row({ subdomain: "Good" }),
      row({ subdomain: "admin", owner_email: "nope" }),
      row({ subdomain: "good", vendor_name: "" }),
      row({ subdomain: "ok-2", business_country: "Luxembourg", letzshop_csv_url: "ftp://x", initial_password: "short" }),
      row({ subdomain: "-bad-" }),
    ].join("\n")
    const { rows, errors } = parseVendorCsv(csv)
    expect(rows.map((r) => [r.line, r.input.handle])).toEqual([[2, "good"]])
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, "subdomain", "VENDOR_HANDLE_RESERVED"],
      [3, "owner_email", "ROW_INVALID_EMAIL"],
      [4, "vendor_name", "ROW_VALUE_REQUIRED"],
      [4, "subdomain", "ROW_DUPLICATE_SUBDOMAIN"],
      [5, "business_country", "ROW_INVALID_COUNTRY"],
      [5, "letzshop_csv_url", "ROW_INVALID_URL"],
      [5, "initial_password", "ROW_PASSWORD_TOO_SHORT"],
      [6, "subdomain", "VENDOR_HANDLE_INVALID"],
    ])
    expect(errors[3].message).toMatch(/line 2/)
  })

  it("counts lines of quoted multi-line cells", () => {
    const { rows } = parseVendorCsv(`${HEADER}\n${row({ business_address: "1 rue\nBâtiment B" })}\n${row({ subdomain: "second" })}\n`)
    expect(rows.map((r) => r.line)).toEqual([3, 4])
  })

  it.each([
    ["an empty file", "", "IMPORT_EMPTY", 1],
    ["a header only", `${HEADER}\n`, "IMPORT_EMPTY", 2],
    ["a missing column", HEADER.replace(",initial_password", "") + "\n", "IMPORT_HEADER_INVALID", 1],
    ["an unknown column", `${HEADER},vat\n`, "IMPORT_HEADER_INVALID", 1],
    ["an unclosed quote", `${HEADER}\n"Acme,acme`, "IMPORT_UNREADABLE", 2],
  ])("fails %s as a whole", (_, csv, code, line) => {
    const { fatal, rows } = parseVendorCsv(csv)
    expect(rows).toEqual([])
    expect(fatal).toMatchObject({ code, line })
  })

  it("accepts upper-case headers and surrounding spaces", () => {
    const { rows } = parseVendorCsv(`${HEADER.toUpperCase().split(",").join(" , ")}\n${row()}`)
    expect(rows).toHaveLength(1)
  })
})
