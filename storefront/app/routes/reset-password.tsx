import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/reset-password"
import { AccountActionError, resetPassword } from "../lib/account.server"
import { shopperOf } from "../lib/cart.server"
import { text } from "../lib/forms"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { href, resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

const MIN_PASSWORD = 8

/**
 * `/reset-password?token=…`, where the backend's reset email points: a new password
 * for the shop's account, then the sign-in page. The token rides in a hidden field
 * (a POST body, not a URL the next page could leak in its Referer).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const token = new URL(request.url).searchParams.get("token") ?? ""
  return { title: t(shop.lang, "account.reset_title"), token: token.slice(0, 4000) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const form = await request.formData()
  const token = text(form, "token", 4000)
  const password = typeof form.get("password") === "string" ? String(form.get("password")) : ""
  if (!token) {
    return data({ error: t(shop.lang, "account.reset_missing") }, { status: 400 })
  }
  if (password.length < MIN_PASSWORD || password.length > 200) {
    return data({ error: t(shop.lang, "account.error.password_short") }, { status: 400 })
  }
  try {
    await resetPassword(shopper, token, password)
  } catch (error) {
    if (error instanceof AccountActionError) {
      return data({ error: t(shop.lang, error.key) }, { status: error.key === "account.error.unavailable" ? 503 : 400 })
    }
    throw error
  }
  return redirect(`${href(shop, "/account/login")}?reset=1`)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  ...shopMeta(matches, loaderData?.title),
  // The token is in this page's URL: keep it out of Referer headers and search engines.
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
]

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const navigation = useNavigation()
  return (
    <section aria-labelledby="reset-title" className="narrow">
      <h1 id="reset-title">{t("account.reset_title")}</h1>
      {actionData?.error ? (
        <div role="alert" className="notice notice-error">
          <p>{actionData.error}</p>
          <p>
            <Link to={link("/account/forgot-password")}>{t("account.forgot")}</Link>
          </p>
        </div>
      ) : null}
      {loaderData.token ? (
        <Form method="post" className="stack">
          <input type="hidden" name="token" value={loaderData.token} />
          <p className="field">
            <label htmlFor="reset-password">{t("form.password")}</label>
            <input
              id="reset-password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD}
              aria-describedby="reset-password-hint"
            />
            <small id="reset-password-hint">{t("form.password_hint")}</small>
          </p>
          <p>
            <button type="submit" className="button-primary" disabled={navigation.state === "submitting"}>
              {t("account.reset_submit")}
            </button>
          </p>
        </Form>
      ) : (
        <p>
          {t("account.reset_missing")} <Link to={link("/account/forgot-password")}>{t("account.forgot")}</Link>
        </p>
      )}
    </section>
  )
}
