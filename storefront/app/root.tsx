import type { CSSProperties, ReactNode } from "react"
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  type ShouldRevalidateFunctionArgs,
} from "react-router"
import type { Route } from "./+types/root"
import { LANGUAGE_NAMES, pickLanguage, shopLanguages, t, type Lang } from "./lib/i18n"
import { shopPath } from "./lib/href"
import { fontOf, logoUrl, themeVariables } from "./lib/theme"
import { shopMeta, useShop, useShopText, type ShopView } from "./lib/use-shop"
import type { ShopErrorData } from "./lib/shop.server"
import { resolveShop } from "./lib/shop.server"
import { storeSdk } from "./lib/medusa.server"
import { getCartId, getCustomerToken } from "./lib/session.server"
import "./app.css"

/** Every page starts here: which shop, which language, how full the cart is. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const [cartId, token] = await Promise.all([getCartId(request, shop), getCustomerToken(request, shop)])
  let cartCount = 0
  if (cartId) {
    try {
      const { cart } = await storeSdk(shop).store.cart.retrieve(cartId, { fields: "id,completed_at,items.quantity" })
      cartCount = cart.completed_at ? 0 : (cart.items ?? []).reduce((n, item) => n + (item.quantity ?? 0), 0)
    } catch {
      // A cart that is gone (or another shop's) counts as empty; the cart page replaces the cookie.
    }
  }
  const view: ShopView = {
    name: shop.vendor.name,
    handle: shop.vendor.handle,
    theme: shop.vendor.theme,
    base: shop.base,
    lang: shop.lang,
    languages: shop.languages,
    currencyCode: shop.currencyCode,
    cartCount,
    signedIn: Boolean(token),
  }
  return { shop: view }
}

// The shop, language and cart count change only through an action (add to cart,
// language switch, sign-in) or when the URL names another shop.
export function shouldRevalidate({ formMethod, currentParams, nextParams }: ShouldRevalidateFunctionArgs) {
  return Boolean(formMethod && formMethod !== "GET") || currentParams.handle !== nextParams.handle
}

export const meta: Route.MetaFunction = ({ matches, error }) => {
  if (!error) {
    return shopMeta(matches)
  }
  const { lang, titleKey } = errorText(error, matches)
  return shopMeta(matches, t(lang, titleKey))
}

/** Which title an error page has, in which language. */
function errorText(error: unknown, matches: readonly unknown[]): { lang: Lang; titleKey: string } {
  const root = (matches as { id: string; data?: { shop?: ShopView } }[]).find((m) => m?.id === "root")
  const lang = root?.data?.shop?.lang ?? errorLang(error)
  const reason = isRouteErrorResponse(error) ? (error.data as ShopErrorData | undefined)?.reason : undefined
  if (reason === "shop-not-found") {
    return { lang, titleKey: "error.shop_not_found.title" }
  }
  if (reason === "shop-closed") {
    return { lang, titleKey: "error.closed.title" }
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return { lang, titleKey: "error.not_found.title" }
  }
  return { lang, titleKey: "error.generic.title" }
}

/** The language of an error page without a shop: the one the shop-resolution error carried. */
function errorLang(error: unknown): Lang {
  if (isRouteErrorResponse(error) && (error.data as ShopErrorData | undefined)?.lang) {
    return (error.data as ShopErrorData).lang
  }
  return pickLanguage({ offered: shopLanguages(null), fallback: "fr" })
}

export function Layout({ children }: { children: ReactNode }) {
  const shop = useShop()
  const error = useRouteError()
  const lang = shop?.lang ?? errorLang(error)
  const style = (shop ? themeVariables(shop.theme) : themeVariables(undefined)) as CSSProperties
  return (
    <html lang={lang} data-font={fontOf(shop?.theme)} style={style}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <link rel="icon" href={favicon(shop)} />
        <Links />
      </head>
      <body>
        {shop ? <ShopChrome shop={shop}>{children}</ShopChrome> : <main id="main" className="platform-page">{children}</main>}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

/** An inline icon (the shop's initial on its color): no extra request, no /favicon.ico 404 per page. */
function favicon(shop: ShopView | undefined): string {
  const { "--color-primary": bg, "--color-on-primary": fg } = themeVariables(shop?.theme)
  const letter = (shop?.name ?? "M").trim().charAt(0).toUpperCase().replace(/[<&>"']/g, "") || "M"
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${bg}"/><text x="16" y="23" font-size="20" font-family="sans-serif" text-anchor="middle" fill="${fg}">${letter}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

function ShopChrome({ shop, children }: { shop: ShopView; children: ReactNode }) {
  const { t, link } = useShopText()
  const location = useLocation()
  // The switcher comes back to this page (without a one-off "added to cart" notice).
  const query = new URLSearchParams(location.search)
  query.delete("added")
  const here = shopPath(shop.base, location.pathname) + (query.size ? `?${query}` : "")
  const logo = logoUrl(shop.theme)
  const onSearchPage = shopPath(shop.base, location.pathname) === "/search"
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={link("/")} className="brand">
            {logo ? <img src={logo} alt="" className="brand-logo" /> : null}
            <span className="brand-name">{shop.name}</span>
          </Link>
          <nav aria-label={t("nav.main")} className="main-nav">
            <ul>
              <li>
                <Link to={link("/products")}>{t("nav.products")}</Link>
              </li>
              <li>
                <Link to={link("/account")}>{t("nav.account")}</Link>
              </li>
              <li>
                <Link to={link("/cart")} className="cart-link">
                  {t("nav.cart")} (<span data-testid="cart-count">{shop.cartCount}</span>)
                </Link>
              </li>
            </ul>
          </nav>
          {onSearchPage ? null : (
            <Form method="get" action={link("/search")} role="search" className="header-search">
              <label htmlFor="header-search-q" className="visually-hidden">
                {t("search.label")}
              </label>
              <input id="header-search-q" type="search" name="q" placeholder={t("search.label")} />
              <button type="submit">{t("search.submit")}</button>
            </Form>
          )}
          {shop.languages.length > 1 ? (
            <Form method="post" action={link("/lang")} className="lang-switch">
              <label htmlFor="lang-select">{t("lang.label")}</label>
              <select id="lang-select" name="lang" defaultValue={shop.lang}>
                {shop.languages.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
              <input type="hidden" name="redirectTo" value={here} />
              <button type="submit">{t("lang.submit")}</button>
            </Form>
          ) : null}
        </div>
      </header>
      <main id="main" className="container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.rights", { year: new Date().getFullYear(), shop: shop.name })}</p>
          <p>{t("footer.powered")}</p>
        </div>
      </footer>
    </>
  )
}

export default function App() {
  return <Outlet />
}

/**
 * Errors: no shop at this host (404, Maart-branded), a suspended shop (503,
 * "closed"), a missing page inside a shop (404 in the shop's layout), anything else.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const shop = useShop()
  const { lang, titleKey } = errorText(error, shop ? [{ id: "root", data: { shop } }] : [])
  const textKey = titleKey.replace(/\.title$/, ".text")
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (!isRouteErrorResponse(error)) {
    console.error(error)
  }
  return <StatusPage lang={lang} code={status} title={t(lang, titleKey)} text={t(lang, textKey)} home={shop} />
}

function StatusPage(props: { lang: Lang; code: number; title: string; text: string; home?: ShopView }) {
  const shopName = props.home?.name
  return (
    <section className="status-page" aria-labelledby="status-title">
      {shopName ? null : <p className="platform-brand">Maart</p>}
      <h1 id="status-title">{props.title}</h1>
      <p>{props.text}</p>
      {props.home ? (
        <p>
          <Link to={props.home.base ? `${props.home.base}/` : "/"}>{t(props.lang, "error.back_home")}</Link>
        </p>
      ) : null}
      <p className="status-code">{props.code}</p>
    </section>
  )
}
