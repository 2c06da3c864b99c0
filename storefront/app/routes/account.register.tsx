import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/account.register"
import { AccountActionError, currentCustomer, nextPage, register } from "../lib/account.server"
import { cookieHeaders, shopperOf } from "../lib/cart.server"
import { isEmail, text } from "../lib/forms"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

const MIN_PASSWORD = 8

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const next = new URL(request.url).searchParams.get("next")
  if (await currentCustomer(shopper)) {
    throw redirect(nextPage(shop, next), { headers: cookieHeaders(shopper) })
  }
  return data({ title: t(shop.lang, "account.register"), next: next ?? "", shopName: shop.vendor.name }, { headers: cookieHeaders(shopper) })
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const form = await request.formData()
  const values = { email: text(form, "email").toLowerCase(), first_name: text(form, "first_name"), last_name: text(form, "last_name") }
  const password = typeof form.get("password") === "string" ? String(form.get("password")) : ""
  const fail = (key: string, status = 400) => data({ error: t(shop.lang, key), values }, { status, headers: cookieHeaders(shopper) })
  if (!isEmail(values.email) || !values.first_name || !values.last_name) {
    return fail("account.error.invalid")
  }
  if (password.length < MIN_PASSWORD || password.length > 200) {
    return fail("account.error.password_short")
  }
  try {
    await register(shopper, { ...values, password })
  } catch (error) {
    if (error instanceof AccountActionError) {
      return fail(error.key, error.key === "account.error.email_taken" ? 409 : error.key === "account.error.unavailable" ? 503 : 400)
    }
    throw error
  }
  return redirect(nextPage(shop, text(form, "next", 2000) || null), { headers: cookieHeaders(shopper) })
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const navigation = useNavigation()
  const v = actionData?.values
  return (
    <section aria-labelledby="register-title" className="narrow">
      <h1 id="register-title">{t("account.register")}</h1>
      <p>{t("account.shop_only", { shop: loaderData.shopName })}</p>
      {actionData?.error ? (
        <p role="alert" className="notice notice-error">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="next" value={loaderData.next} />
        <div className="field-row">
          <p className="field">
            <label htmlFor="register-first-name">{t("form.first_name")}</label>
            <input id="register-first-name" name="first_name" autoComplete="given-name" required maxLength={200} defaultValue={v?.first_name ?? ""} />
          </p>
          <p className="field">
            <label htmlFor="register-last-name">{t("form.last_name")}</label>
            <input id="register-last-name" name="last_name" autoComplete="family-name" required maxLength={200} defaultValue={v?.last_name ?? ""} />
          </p>
        </div>
        <p className="field">
          <label htmlFor="register-email">{t("form.email")}</label>
          <input id="register-email" name="email" type="email" autoComplete="email" required defaultValue={v?.email ?? ""} />
        </p>
        <p className="field">
          <label htmlFor="register-password">{t("form.password")}</label>
          <input
            id="register-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            aria-describedby="register-password-hint"
          />
          <small id="register-password-hint">{t("form.password_hint")}</small>
        </p>
        <p>
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {t("account.register_submit")}
          </button>
        </p>
      </Form>
      <p>
        <Link to={link("/account/login")}>{t("account.have_account")}</Link>
      </p>
    </section>
  )
}
