import { Form } from "react-router"
import type { Route } from "./+types/search"
import { Pagination } from "../components/pagination"
import { ProductGrid } from "../components/product-card"
import { PAGE_SIZE, pageNumber } from "../lib/catalog"
import { catalogPage } from "../lib/catalog.server"
import { t } from "../lib/i18n"
import { storeSdk } from "../lib/medusa.server"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/** GET /search?q=…&page=N — the Store API's product search (`q`) within the shop. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const url = new URL(request.url)
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 200)
  const page = pageNumber(url.searchParams.get("page"))
  const title = q ? `${t(shop.lang, "search.title")}: ${q}` : t(shop.lang, "search.title")
  if (!q) {
    return { q, products: [], count: 0, page, pages: 1, title }
  }
  const result = await catalogPage(storeSdk(shop), shop, { page, sort: "newest", q })
  return { q, products: result.products, count: result.count, page, pages: Math.max(1, Math.ceil(result.count / PAGE_SIZE)), title }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Search({ loaderData }: Route.ComponentProps) {
  const { t, tn, link } = useShopText()
  const { q, products, count, page, pages } = loaderData
  return (
    <>
      <h1 id="search-title">{t("search.title")}</h1>
      <Form method="get" action={link("/search")} role="search" className="search-form">
        <label htmlFor="search-q">{t("search.label")}</label>
        <input id="search-q" type="search" name="q" defaultValue={q} placeholder={t("search.prompt")} />
        <button type="submit">{t("search.submit")}</button>
      </Form>
      {q ? (
        <p className="result-count" role="status">
          {count ? tn("search.results", count, { q }) : t("search.none", { q })}
        </p>
      ) : null}
      {products.length ? <ProductGrid products={products} labelledBy="search-title" /> : null}
      <Pagination path="/search" params={new URLSearchParams({ q })} page={page} pages={pages} />
    </>
  )
}
