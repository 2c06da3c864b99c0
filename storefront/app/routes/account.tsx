import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/account"
import { AddressFields } from "../components/address-fields"
import {
  AccountActionError,
  addAddress,
  deleteAddress,
  requireCustomer,
  updateAddress,
  updateProfile,
} from "../lib/account.server"
import { cookieHeaders, regionCountries, shopperOf } from "../lib/cart.server"
import { addressBody, addressLine, addressValues, readAddress, text } from "../lib/forms"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { href, resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/** The signed-in customer's page at this shop: profile (name, phone) and saved addresses. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const customer = await requireCustomer(shopper, request)
  const countries = await regionCountries(shopper)
  const notice = new URL(request.url).searchParams.get("saved")
  return data(
    {
      title: t(shop.lang, "account.title"),
      profile: { email: customer.email, first_name: customer.first_name ?? "", last_name: customer.last_name ?? "", phone: customer.phone ?? "" },
      addresses: (customer.addresses ?? []).map((a) => ({ id: a.id, values: addressValues(a) })),
      countries,
      notice: notice === "profile" || notice === "address" || notice === "deleted" ? notice : null,
    },
    { headers: cookieHeaders(shopper) }
  )
}

/** POST intent = profile | address-create | address-update | address-delete; then back (PRG). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  await requireCustomer(shopper, request)
  const form = await request.formData()
  const intent = text(form, "intent")
  const lang = shop.lang
  const fail = (message: string, extra: { addressId?: string; invalid?: string[] } = {}) =>
    data({ error: message, intent, ...extra }, { status: 400, headers: cookieHeaders(shopper) })
  const done = (notice: string) => redirect(`${href(shop, "/account")}?saved=${notice}`, { headers: cookieHeaders(shopper) })
  try {
    if (intent === "profile") {
      const first_name = text(form, "first_name")
      const last_name = text(form, "last_name")
      if (!first_name || !last_name) {
        return fail(t(lang, "checkout.required", { fields: [t(lang, "form.first_name"), t(lang, "form.last_name")].join(", ") }))
      }
      await updateProfile(shopper, { first_name, last_name, phone: text(form, "phone", 50) })
      return done("profile")
    }
    if (intent === "address-create" || intent === "address-update") {
      const addressId = text(form, "address_id") || undefined
      const countries = (await regionCountries(shopper)).map((c) => c.code)
      const { values, missing } = readAddress(form, countries)
      if (missing.length) {
        return fail(t(lang, "checkout.required", { fields: missing.map((f) => t(lang, `form.${f}`)).join(", ") }), { addressId, invalid: missing })
      }
      if (intent === "address-update" && addressId) {
        await updateAddress(shopper, addressId, addressBody(values))
      } else {
        await addAddress(shopper, addressBody(values))
      }
      return done("address")
    }
    if (intent === "address-delete") {
      await deleteAddress(shopper, text(form, "address_id"))
      return done("deleted")
    }
  } catch (error) {
    if (error instanceof AccountActionError) {
      return fail(t(lang, error.key))
    }
    throw error
  }
  return redirect(href(shop, "/account"), { headers: cookieHeaders(shopper) })
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const navigation = useNavigation()
  const busy = navigation.state === "submitting"
  const { profile, addresses, countries, notice } = loaderData
  const errorFor = (intent: string, addressId?: string) =>
    actionData?.error && actionData.intent === intent && (actionData as { addressId?: string }).addressId === addressId ? (
      <p role="alert" className="notice notice-error">
        {actionData.error}
      </p>
    ) : null
  const invalid = (actionData as { invalid?: string[] } | undefined)?.invalid ?? []
  const noticeKey = notice === "profile" ? "account.profile_saved" : notice === "address" ? "account.address_saved" : notice === "deleted" ? "account.address_deleted" : null
  return (
    <section aria-labelledby="account-title" className="account-page">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>{t("account.hello", { name: [profile.first_name, profile.last_name].filter(Boolean).join(" ") || profile.email })}</p>
      {noticeKey ? (
        <p role="status" className="notice notice-ok">
          {t(noticeKey)}
        </p>
      ) : null}
      <nav aria-label={t("account.title")} className="account-nav">
        <ul>
          <li>
            <Link to={link("/account/orders")}>{t("account.orders")}</Link>
          </li>
          <li>
            <Form method="post" action={link("/account/logout")}>
              <button type="submit" className="link-button">
                {t("account.logout")}
              </button>
            </Form>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("account.profile")}</h2>
        {errorFor("profile")}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="profile" />
          <p className="field">
            <label htmlFor="profile-email">{t("form.email")}</label>
            <input id="profile-email" type="email" value={profile.email} readOnly />
          </p>
          <div className="field-row">
            <p className="field">
              <label htmlFor="profile-first-name">{t("form.first_name")}</label>
              <input id="profile-first-name" name="first_name" autoComplete="given-name" required maxLength={200} defaultValue={profile.first_name} />
            </p>
            <p className="field">
              <label htmlFor="profile-last-name">{t("form.last_name")}</label>
              <input id="profile-last-name" name="last_name" autoComplete="family-name" required maxLength={200} defaultValue={profile.last_name} />
            </p>
          </div>
          <p className="field">
            <label htmlFor="profile-phone">{t("form.phone")}</label>
            <input id="profile-phone" name="phone" type="tel" autoComplete="tel" maxLength={50} defaultValue={profile.phone} />
          </p>
          <p>
            <button type="submit" disabled={busy}>
              {t("form.save")}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="addresses-title">
        <h2 id="addresses-title">{t("account.addresses")}</h2>
        {addresses.length ? (
          <ul className="address-list">
            {addresses.map((a) => (
              <li key={a.id}>
                <p>{addressLine(a.values)}</p>
                {errorFor("address-update", a.id)}
                <details open={actionData?.intent === "address-update" && (actionData as { addressId?: string }).addressId === a.id}>
                  <summary>{t("account.edit_address")}</summary>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="address-update" />
                    <input type="hidden" name="address_id" value={a.id} />
                    <AddressFields idPrefix={`addr-${a.id}`} values={a.values} countries={countries} t={t} />
                    <p>
                      <button type="submit" disabled={busy}>
                        {t("form.save")}
                      </button>
                    </p>
                  </Form>
                </details>
                <Form method="post">
                  <input type="hidden" name="intent" value="address-delete" />
                  <input type="hidden" name="address_id" value={a.id} />
                  <button type="submit" className="link-button" disabled={busy} aria-label={t("account.delete_address_of", { address: addressLine(a.values) })}>
                    {t("account.delete_address")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("account.no_addresses")}</p>
        )}
        <h3 id="add-address-title">{t("account.add_address")}</h3>
        {errorFor("address-create")}
        <Form method="post" className="stack" aria-labelledby="add-address-title">
          <input type="hidden" name="intent" value="address-create" />
          <AddressFields
            idPrefix="addr-new"
            values={{ first_name: profile.first_name, last_name: profile.last_name, phone: profile.phone }}
            countries={countries}
            t={t}
            invalid={actionData?.intent === "address-create" ? invalid : []}
          />
          <p>
            <button type="submit" disabled={busy}>
              {t("account.add_address")}
            </button>
          </p>
        </Form>
      </section>
    </section>
  )
}
