import { useRouteLoaderData } from "react-router"
import { t as translate, tn as translateCount, type Lang } from "./i18n"
import { shopHref } from "./href"
import type { ShopTheme } from "./shop.server"

/** What the root loader hands every page about the shop (no keys, no tokens). */
export type ShopView = {
  name: string
  handle: string
  theme: ShopTheme
  base: string
  lang: Lang
  languages: Lang[]
  currencyCode: string
  cartCount: number
  signedIn: boolean
}

/** The root loader's shop, or undefined on the "shop not found/closed" pages. */
export function useShop(): ShopView | undefined {
  return useRouteLoaderData<{ shop: ShopView }>("root")?.shop
}

/** Labels and in-shop links for components: `const { t, link } = useShopText()`. */
export function useShopText() {
  const shop = useShop()
  const lang: Lang = shop?.lang ?? "fr"
  return {
    shop,
    lang,
    t: (key: string, vars?: Record<string, string | number>) => translate(lang, key, vars),
    tn: (key: string, count: number, vars?: Record<string, string | number>) => translateCount(lang, key, count, vars),
    link: (path = "/") => shopHref(shop?.base ?? "", path),
  }
}

/**
 * Page <title> and meta with the shop's name, for route `meta` exports:
 * `export const meta: Route.MetaFunction = ({ matches, data }) => shopMeta(matches, data?.title)`.
 */
export function shopMeta(matches: readonly unknown[], title?: string, description?: string) {
  const root = (matches as { id: string; data?: { shop?: ShopView } }[]).find((m) => m?.id === "root")
  const name = root?.data?.shop?.name ?? "Maart"
  const tags: Record<string, string>[] = [
    { title: title ? `${title} · ${name}` : name },
    { property: "og:site_name", content: name },
    { property: "og:title", content: title ?? name },
  ]
  if (description) {
    tags.push({ name: "description", content: description }, { property: "og:description", content: description })
  }
  return tags
}
