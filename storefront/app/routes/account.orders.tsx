import type { Route } from "./+types/account.orders"
import { shopMeta, useShopText } from "../lib/use-shop"
import { t } from "../lib/i18n"

// Placeholder registered by the skeleton; the cart/checkout/account helper replaces this page.
export const meta: Route.MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m?.id === "root")?.data as { shop?: { lang: "fr" | "de" | "en" | "lb" } } | undefined
  return shopMeta(matches, t(root?.shop?.lang ?? "fr", "account.orders"))
}

export default function Page() {
  const { t } = useShopText()
  return <h1>{t("account.orders")}</h1>
}
