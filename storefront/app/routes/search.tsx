import { Form, Link } from "react-router"
import type { Route } from "./+types/search"
import { Pagination } from "../components/pagination"
import { ProductGrid } from "../components/product-card"
import { PAGE_SIZE, pageNumber } from "../lib/catalog"
import { shopCategories } from "../lib/catalog.server"
import { formatPrice, t } from "../lib/i18n"
import "../lib/i18n.search"
import { storeSdk } from "../lib/medusa.server"
import { filterParams, hitToProduct, parseSearchFilters, type SearchFacets } from "../lib/search"
import { shopSearch } from "../lib/search.server"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/**
 * GET /search?q=…&category_id=…&brand=…&price=25-50&in_stock=1&page=N — the shop's search (`GET
 * /store/search/products`: accents, typos and the shopper's language), with its facets as filters.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const url = new URL(request.url)
  const filters = parseSearchFilters(url.searchParams)
  const page = pageNumber(url.searchParams.get("page"))
  const title = filters.q ? `${t(shop.lang, "search.title")}: ${filters.q}` : t(shop.lang, "search.title")
  if (!filters.q) {
    return {
      filters,
      products: [],
      count: 0,
      page,
      pages: 1,
      title,
      facets: {} as SearchFacets,
      categoryNames: {} as Record<string, string>,
      currency: shop.currencyCode,
    }
  }
  const sdk = storeSdk(shop)
  const [result, categories] = await Promise.all([shopSearch(sdk, shop, filters, page, PAGE_SIZE), shopCategories(sdk)])
  return {
    filters,
    products: result.products.map(hitToProduct),
    count: result.count,
    page,
    pages: Math.max(1, Math.ceil(result.count / PAGE_SIZE)),
    title,
    facets: result.facets ?? {},
    categoryNames: Object.fromEntries(categories.map((c) => [c.id, c.name])),
    currency: shop.currencyCode,
  }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Search({ loaderData }: Route.ComponentProps) {
  const { t, tn, link } = useShopText()
  const { filters, products, count, page, pages } = loaderData
  return (
    <>
      <h1 id="search-title">{t("search.title")}</h1>
      <Form method="get" action={link("/search")} role="search" className="search-form">
        <label htmlFor="search-q">{t("search.label")}</label>
        <input id="search-q" type="search" name="q" defaultValue={filters.q} placeholder={t("search.prompt")} />
        <button type="submit">{t("search.submit")}</button>
      </Form>
      {filters.q ? (
        <>
          <p className="result-count" role="status">
            {count ? tn("search.results", count, { q: filters.q }) : t("search.none", { q: filters.q })}
          </p>
          <SearchFilterForm data={loaderData} />
        </>
      ) : null}
      {products.length ? <ProductGrid products={products} labelledBy="search-title" /> : null}
      <Pagination path="/search" params={filterParams(filters)} page={page} pages={pages} />
    </>
  )
}

/** The facets as filters: each choice with its count among the results. Plain GET: works without JavaScript. */
function SearchFilterForm({ data }: { data: Route.ComponentProps["loaderData"] }) {
  const { filters, facets, categoryNames, currency } = data
  const { t, lang, link } = useShopText()
  const option = (label: string, n: number) => t("search.option", { label, count: n })
  const price = (range: { from?: number; to?: number }) =>
    range.to === undefined
      ? `≥ ${formatPrice(range.from ?? 0, currency, lang)}`
      : `${formatPrice(range.from ?? 0, currency, lang)} – ${formatPrice(range.to, currency, lang)}`
  const inStock = facets.in_stock?.values.find((v) => v.value === "true")?.count ?? 0
  return (
    <Form method="get" action={link("/search")} className="search-filters" aria-label={t("search.filters")}>
      <input type="hidden" name="q" value={filters.q} />
      <label>
        {t("search.category")}
        <select name="category_id" defaultValue={filters.category}>
          <option value="">{t("search.any")}</option>
          {(facets.category_ids?.values ?? []).map((v) => (
            <option key={v.value} value={v.value}>
              {option(categoryNames[v.value] ?? v.value, v.count)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("search.brand")}
        <select name="brand" defaultValue={filters.brand}>
          <option value="">{t("search.any")}</option>
          {(facets.brand?.values ?? []).map((v) => (
            <option key={v.value} value={v.value}>
              {option(v.value, v.count)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("search.price")}
        <select name="price" defaultValue={filters.price}>
          <option value="">{t("search.any")}</option>
          {(facets.price_min?.ranges ?? [])
            .filter((r) => r.count > 0 || r.key === filters.price)
            .map((r) => (
              <option key={r.key} value={r.key}>
                {option(price(r), r.count)}
              </option>
            ))}
        </select>
      </label>
      <label>
        <input type="checkbox" name="in_stock" value="1" defaultChecked={filters.inStock} />
        {option(t("search.in_stock"), inStock)}
      </label>
      <button type="submit">{t("search.apply")}</button>
      <Link to={link(`/search?${new URLSearchParams({ q: filters.q })}`)}>{t("search.clear")}</Link>
    </Form>
  )
}
