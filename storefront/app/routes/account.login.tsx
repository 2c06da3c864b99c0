import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/account.login"
import { AccountActionError, currentCustomer, login, nextPage } from "../lib/account.server"
import { cookieHeaders, shopperOf } from "../lib/cart.server"
import { text } from "../lib/forms"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const next = new URL(request.url).searchParams.get("next")
  if (await currentCustomer(shopper)) {
    throw redirect(nextPage(shop, next), { headers: cookieHeaders(shopper) })
  }
  const reset = new URL(request.url).searchParams.get("reset") === "1"
  return data({ title: t(shop.lang, "account.login"), next: next ?? "", shopName: shop.vendor.name, reset }, { headers: cookieHeaders(shopper) })
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const form = await request.formData()
  const email = text(form, "email").toLowerCase()
  const password = typeof form.get("password") === "string" ? String(form.get("password")) : ""
  if (!email || !password) {
    return data({ error: t(shop.lang, "account.error.invalid_login"), email }, { status: 400 })
  }
  try {
    await login(shopper, email, password)
  } catch (error) {
    if (error instanceof AccountActionError) {
      const status = error.key === "account.error.unavailable" ? 503 : error.key === "account.error.too_many" ? 429 : 401
      return data({ error: t(shop.lang, error.key), email }, { status, headers: cookieHeaders(shopper) })
    }
    throw error
  }
  return redirect(nextPage(shop, text(form, "next", 2000) || null), { headers: cookieHeaders(shopper) })
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const navigation = useNavigation()
  const registerHref = loaderData.next ? `${link("/account/register")}?next=${encodeURIComponent(loaderData.next)}` : link("/account/register")
  return (
    <section aria-labelledby="login-title" className="narrow">
      <h1 id="login-title">{t("account.login")}</h1>
      <p>{t("account.shop_only", { shop: loaderData.shopName })}</p>
      {loaderData.reset && !actionData ? (
        <p role="status" className="notice notice-ok">
          {t("account.reset_done")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="notice notice-error">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="next" value={loaderData.next} />
        <p className="field">
          <label htmlFor="login-email">{t("form.email")}</label>
          <input id="login-email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email ?? ""} />
        </p>
        <p className="field">
          <label htmlFor="login-password">{t("form.password")}</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        </p>
        <p>
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {t("account.login_submit")}
          </button>
        </p>
      </Form>
      <p>
        <Link to={link("/account/forgot-password")}>{t("account.forgot")}</Link>
      </p>
      <p>
        <Link to={registerHref}>{t("account.no_account")}</Link>
      </p>
    </section>
  )
}
