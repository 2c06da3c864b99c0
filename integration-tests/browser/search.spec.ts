import { expect, test } from "@playwright/test"
import { shopUrl, snap, SHOPS } from "./harness"

/**
 * The storefront's search page on the shop search (`GET /store/search/products`, docs/search.md): a query of
 * several words, accent-folded, answered from the shop's own products, then narrowed by a facet filter (the price
 * range) whose counts the page shows.
 */
test("search: a multi-word query, then a price-range facet filter narrows it", async ({ page }) => {
  const shop = SHOPS.lumiere
  // No product has all three words: the search answers the products with any of them (Lampe 89, Suspension 129, Vase 45).
  await page.goto(shopUrl("lumiere", `/search?q=${encodeURIComponent("lampe suspension vase")}`))
  const cards = page.getByTestId("product-card")
  await expect(cards).toHaveCount(3)
  for (const title of [shop.products[0], shop.products[1], shop.products[3]]) {
    await expect(cards.filter({ hasText: title })).toBeVisible()
  }
  for (const title of SHOPS.velo.products) await expect(cards.filter({ hasText: title })).toHaveCount(0)
  await expect(page.getByRole("status").filter({ hasText: "3 results" })).toBeVisible()

  // The price facet offers each range with its count; choosing 50–100 leaves the lamp.
  const filters = page.getByRole("form", { name: "Filter the results" })
  const price = filters.getByLabel("Price")
  await expect(price.locator("option")).toHaveText(["Any", /\(1\)$/, /\(1\)$/, /\(1\)$/])
  await snap(page, "lumiere-search-facets")
  await price.selectOption("50-100")
  await filters.getByRole("button", { name: "Apply filters" }).click()
  await expect(page).toHaveURL(/price=50-100/)
  await expect(cards).toHaveCount(1)
  await expect(cards.filter({ hasText: shop.products[0] })).toBeVisible()
  await expect(page.getByRole("status").filter({ hasText: "1 result" })).toBeVisible()
  await expect(filters.getByLabel("Price")).toHaveValue("50-100")

  // Accents fold: "grès" is found as "gres"; clearing the filters keeps the query.
  await page.goto(shopUrl("lumiere", "/search?q=gres"))
  await expect(cards.filter({ hasText: shop.products[3] })).toBeVisible()
  await page.getByRole("link", { name: "Clear filters" }).click()
  await expect(page).toHaveURL(/\/search\?q=gres$/)
  await snap(page, "lumiere-search-accents")
})
