import { data, Form, Link, useNavigation } from "react-router"
import type { Route } from "./+types/account.forgot-password"
import { AccountActionError, requestPasswordReset } from "../lib/account.server"
import { shopperOf } from "../lib/cart.server"
import { isEmail, text } from "../lib/forms"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/** "Forgot your password?": asks the backend to mail the shop's reset link. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  return { title: t(shop.lang, "account.forgot_title"), shopName: shop.vendor.name }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const email = text(await request.formData(), "email").toLowerCase()
  if (!isEmail(email)) {
    return data({ sent: null, error: t(shop.lang, "checkout.invalid_email"), email }, { status: 400 })
  }
  try {
    await requestPasswordReset(shopper, email)
  } catch (error) {
    if (error instanceof AccountActionError) {
      return data({ sent: null, error: t(shop.lang, error.key), email }, { status: error.key === "account.error.too_many" ? 429 : 503 })
    }
    throw error
  }
  // The same answer whether or not the account exists.
  return { sent: t(shop.lang, "account.forgot_sent", { shop: shop.vendor.name, email }), error: null, email }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const navigation = useNavigation()
  return (
    <section aria-labelledby="forgot-title" className="narrow">
      <h1 id="forgot-title">{t("account.forgot_title")}</h1>
      {actionData?.sent ? (
        <p role="status" className="notice notice-ok">
          {actionData.sent}
        </p>
      ) : (
        <>
          <p>{t("account.forgot_text", { shop: loaderData.shopName })}</p>
          {actionData?.error ? (
            <p role="alert" className="notice notice-error">
              {actionData.error}
            </p>
          ) : null}
          <Form method="post" className="stack">
            <p className="field">
              <label htmlFor="forgot-email">{t("form.email")}</label>
              <input id="forgot-email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email ?? ""} />
            </p>
            <p>
              <button type="submit" className="button-primary" disabled={navigation.state === "submitting"}>
                {t("account.forgot_submit")}
              </button>
            </p>
          </Form>
        </>
      )}
      <p>
        <Link to={link("/account/login")}>{t("account.login")}</Link>
      </p>
    </section>
  )
}
