import { describe, expect, it } from "@jest/globals"
import { lowestPrice } from "../catalog"
import { filterParams, hitToProduct, parseSearchFilters, priceBounds, searchQuery } from "../search"

describe("storefront: shop search", () => {
  it("reads the filters from the URL, trimmed, in stock only with 1", () => {
    const f = parseSearchFilters(new URLSearchParams("q=%20lampe%20&category_id=pcat_1&brand=Lumi&price=25-50&in_stock=1"))
    expect(f).toEqual({ q: "lampe", category: "pcat_1", brand: "Lumi", price: "25-50", inStock: true })
    expect(parseSearchFilters(new URLSearchParams("q=x&in_stock=true")).inStock).toBe(false)
  })

  it("turns a price range key into bounds; anything else is no bound", () => {
    expect(priceBounds("25-50")).toEqual({ price_min: 25, price_max: 50 })
    expect(priceBounds("0-25")).toEqual({ price_min: 0, price_max: 25 })
    expect(priceBounds("250+")).toEqual({ price_min: 250 })
    expect(priceBounds("cheap")).toEqual({})
    expect(priceBounds("1;drop")).toEqual({})
  })

  it("asks the Store API for a page with only the filters set, in the shopper's language", () => {
    const f = parseSearchFilters(new URLSearchParams("q=lampe&price=250%2B&in_stock=1"))
    expect(searchQuery(f, 3, 12, "de")).toEqual({ q: "lampe", lang: "de", limit: 12, offset: 24, price_min: 250, in_stock: true })
    expect(filterParams(f).toString()).toBe("q=lampe&price=250%2B&in_stock=1")
  })

  it("shows a hit's price range as the card's 'from' price", () => {
    const range = hitToProduct({ id: "p1", handle: "h", title: "T", price_min: 12.5, price_max: 20, currency_code: "eur" })
    expect(lowestPrice(range)).toEqual({ amount: 12.5, currency: "eur", varies: true })
    const one = hitToProduct({ id: "p2", handle: "h2", title: "T2", price_min: 9, price_max: 9, currency_code: "eur" })
    expect(lowestPrice(one)).toEqual({ amount: 9, currency: "eur", varies: false })
    expect(lowestPrice(hitToProduct({ id: "p3", handle: "h3", title: "T3" }))).toBeNull()
  })
})
