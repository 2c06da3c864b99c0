import { Link } from "react-router"
import type { Route } from "./+types/home"
import { ProductGrid } from "../components/product-card"
import { newestProducts } from "../lib/catalog.server"
import { t } from "../lib/i18n"
import { storeSdk } from "../lib/medusa.server"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

const FEATURED = 8

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const products = await newestProducts(storeSdk(shop), shop, FEATURED)
  return { products, title: t(shop.lang, "home.title", { shop: shop.vendor.name }) }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, undefined, loaderData?.title)

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  return (
    <>
      <section className="hero">
        <h1>{loaderData.title}</h1>
      </section>
      <section aria-labelledby="featured-title">
        <h2 id="featured-title">{t("home.featured")}</h2>
        {loaderData.products.length ? <ProductGrid products={loaderData.products} labelledBy="featured-title" /> : <p>{t("home.empty")}</p>}
        <p>
          <Link to={link("/products")} className="button-link">
            {t("home.all_products")}
          </Link>
        </p>
      </section>
    </>
  )
}
