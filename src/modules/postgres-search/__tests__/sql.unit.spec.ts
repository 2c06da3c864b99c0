import type { IndexPlan, PlannedField } from "@medusajs/search-postgres/dist/utils/plan"
import { layoutOf, vectorExpr } from "../layout"
import { NotOnFastPath, facetResult, facetSql, whereSql } from "../sql"

const field = (path: string, kind: PlannedField["kind"], def: Record<string, unknown>, is_array = false): [string, PlannedField] => [
  path,
  { path, kind, is_array, is_date: false, field: { type: kind, ...def } } as PlannedField,
]
const plan = {
  primary_key: "id",
  schema_hash: "x",
  vectors: [],
  searchable: ["title", "title_de", "brand", "options"],
  fields: new Map([
    field("id", "keyword", { filterable: true }),
    field("vendor_id", "keyword", { filterable: true }),
    field("sales_channel_ids", "keyword", { filterable: true }, true),
    field("title", "text", { searchable: { weight: 3 }, sortable: true }),
    field("title_de", "text", { searchable: { weight: 3 } }),
    field("brand", "keyword", { searchable: { weight: 2 }, filterable: true, facetable: true }),
    field("options", "text", { searchable: true }, true),
    field("price_min", "number", { filterable: true, facetable: true }),
    field("in_stock", "boolean", { filterable: true, facetable: true }),
  ]),
} as unknown as IndexPlan

describe("Maart's Postgres search provider: layout and SQL", () => {
  const layout = layoutOf(plan)

  it("types the filterable, facetable and sortable fields and groups the searchable ones by language", () => {
    expect(Object.fromEntries([...layout.columns].map(([p, c]) => [p, `${c.name} ${c.sqlType}`]))).toEqual({
      id: "f_id text",
      vendor_id: "f_vendor_id text",
      sales_channel_ids: "f_sales_channel_ids text[]",
      title: "f_title text",
      brand: "f_brand text",
      price_min: "f_price_min float8",
      in_stock: "f_in_stock boolean",
    })
    expect(layout.base).toEqual(["title", "brand", "options"])
    expect([...layout.languages]).toEqual([["de", ["title_de"]]])
    expect(vectorExpr(layout, "all")).toBe(`"search_vector"`)
    expect(vectorExpr(layout, "de")).toBe(`("sv_base" || "sv_de")`)
  })

  it("compiles the store's scope and facet filters onto the typed columns, parameters in order", () => {
    const params: unknown[] = []
    const filters = { $and: [{ vendor_id: "ven_1" }, { sales_channel_ids: "sc_1" }, { brand: { $in: ["A", "B"] } }, { price_min: { $gte: 20, $lte: 80 } }, { in_stock: true }] }
    const sql = whereSql(layout, filters as never, params)
    expect(sql).toBe(`("f_vendor_id" = ? AND "f_sales_channel_ids" && ARRAY[?]::text[] AND "f_brand" = ANY(ARRAY[?, ?]::text[]) AND ("f_price_min" >= ? AND "f_price_min" <= ?) AND "f_in_stock" = ?)`)
    expect(params).toEqual(["ven_1", "sc_1", "A", "B", 20, 80, true])
  })

  it("keeps Medusa's semantics: a document without the field is 'not equal'; $or and $not nest", () => {
    const params: unknown[] = []
    expect(whereSql(layout, { $or: [{ brand: { $ne: "A" } }, { $not: { in_stock: false } }] } as never, params)).toBe(
      `(NOT coalesce("f_brand" = ?, false) OR NOT ("f_in_stock" = ?))`
    )
    expect(params).toEqual(["A", false])
    expect(whereSql(layout, { brand: null } as never, [])).toBe(`"f_brand" IS NULL`)
  })

  it("hands what the typed columns cannot answer to Medusa's path", () => {
    expect(() => whereSql(layout, { options: "x" } as never, [])).toThrow(NotOnFastPath)
    expect(() => whereSql(layout, { price_min: { $regex: "1" } } as never, [])).toThrow(NotOnFastPath)
    expect(() => whereSql(layout, { sales_channel_ids: { $gt: "a" } } as never, [])).toThrow(NotOnFastPath)
  })

  it("computes facets over the matches in the statement and maps them as Medusa's provider does", () => {
    const params: unknown[] = []
    const range = facetSql(layout, { field: "price_min", type: "range", ranges: [{ key: "0-25", to: 25 }, { key: "25+", from: 25 }] }, params)
    const brand = facetSql(layout, { field: "brand", type: "value", limit: 5 }, params)
    expect(range).toContain(`count(*) FILTER (WHERE m."f_price_min" < ?)`)
    expect(brand).toContain(`GROUP BY value`)
    expect(params).toEqual([25, 25, 5])
    expect(facetResult({ field: "price_min", type: "range", ranges: [{ key: "0-25", to: 25 }] }, { r0: 3 })).toEqual({ type: "range", ranges: [{ key: "0-25", to: 25, from: undefined, count: 3 }] })
    expect(facetResult({ field: "brand", type: "value" }, [{ value: "A", count: 2 }])).toEqual({ type: "value", values: [{ value: "A", count: 2 }] })
  })
})
