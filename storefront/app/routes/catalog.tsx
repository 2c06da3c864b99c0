import { data, Form } from "react-router"
import type { Route } from "./+types/catalog"
import { Pagination } from "../components/pagination"
import { ProductGrid } from "../components/product-card"
import { PAGE_SIZE, pageNumber, parseSort, SORTS } from "../lib/catalog"
import { catalogPage, shopCategories } from "../lib/catalog.server"
import { t } from "../lib/i18n"
import { storeSdk } from "../lib/medusa.server"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/** GET /products?category=<handle>&sort=newest|price_asc|price_desc|title&page=N */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const sdk = storeSdk(shop)
  const url = new URL(request.url)
  const page = pageNumber(url.searchParams.get("page"))
  const sort = parseSort(url.searchParams.get("sort"))
  const wanted = url.searchParams.get("category")
  // Without a category filter the page and the filter's choices load side by side.
  const [categories, unfiltered] = await Promise.all([shopCategories(sdk), wanted ? null : catalogPage(sdk, shop, { page, sort })])
  const category = wanted ? (categories.find((c) => c.handle === wanted) ?? null) : null
  if (wanted && !category) {
    throw data(null, { status: 404 })
  }
  const result = unfiltered ?? (await catalogPage(sdk, shop, { page, sort, categoryId: category!.id }))
  const pages = Math.max(1, Math.ceil(result.count / PAGE_SIZE))
  const title = category ? `${category.name} · ${t(shop.lang, "catalog.title")}` : t(shop.lang, "catalog.title")
  return { ...result, categories, category: category?.handle ?? "", page, pages, title }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Catalog({ loaderData }: Route.ComponentProps) {
  const { t, tn, link } = useShopText()
  const { products, count, categories, category, sort, priceSortable, page, pages } = loaderData
  const params = new URLSearchParams()
  if (category) params.set("category", category)
  if (sort !== "newest") params.set("sort", sort)
  return (
    <>
      <h1 id="catalog-title">{loaderData.title}</h1>
      <Form method="get" action={link("/products")} className="catalog-filters" aria-label={t("catalog.filters")}>
        <label>
          {t("catalog.category")}
          <select name="category" defaultValue={category}>
            <option value="">{t("catalog.all_categories")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.handle}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("catalog.sort")}
          <select name="sort" defaultValue={sort}>
            {SORTS.filter((s) => priceSortable || !s.startsWith("price")).map((s) => (
              <option key={s} value={s}>
                {t(`catalog.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("catalog.apply")}</button>
      </Form>
      <p className="result-count" role="status">
        {tn("catalog.count", count)}
      </p>
      {products.length ? <ProductGrid products={products} labelledBy="catalog-title" /> : <p>{t("catalog.empty")}</p>}
      <Pagination path="/products" params={params} page={page} pages={pages} />
    </>
  )
}
