import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/checkout"
import { AddressFields } from "../components/address-fields"
import { OrderLines, StockProblems, Totals } from "../components/order-lines"
import { currentCustomer } from "../lib/account.server"
import {
  type Cart,
  completeCart,
  cookieHeaders,
  getCart,
  lastOrderId,
  lineViews,
  linesAfter,
  paymentProviders,
  regionCountries,
  setContact,
  setShippingOption,
  shippingOptions,
  type Shopper,
  shopperOf,
  startPayment,
  stockProblems,
  stripeClientSecret,
  totalsView,
} from "../lib/cart.server"
import { addressBody, addressLine, addressValues, isEmail, readAddress, text } from "../lib/forms"
import { formatPrice, t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../lib/i18n.stripe"
import { StripePayment } from "../components/stripe-payment"
import { config } from "../lib/config.server"
import "../shopper.css"
import { errorStatus } from "../lib/medusa.server"
import { href, resolveShop } from "../lib/shop.server"
import { MANUAL_PROVIDER, STRIPE_PROVIDER, type StockProblemView } from "../lib/shopper-views"
import { shopMeta, useShopText } from "../lib/use-shop"

/**
 * Checkout in two steps on one page, each a plain form: your details (email,
 * delivery address, delivery option) → payment and "place order". Payment is
 * Medusa's manual provider ("pay on delivery or by bank transfer") or, when the
 * backend offers Stripe and STRIPE_PUBLISHABLE_KEY is set, a card: "place order"
 * then starts the Stripe session and shows the card step (`?step=card`, Stripe's
 * Payment Element), whose confirmation posts `intent=card-complete`.
 */

/** The cart has what completion needs besides payment. */
function detailsDone(cart: Cart): boolean {
  return Boolean(cart.email && cart.shipping_address?.address_1 && cart.shipping_methods?.length)
}

/** Payment methods this storefront can take: the manual one, and cards when it has Stripe's publishable key. */
async function offeredProviders(shopper: Shopper): Promise<string[]> {
  const ids = await paymentProviders(shopper)
  // The manual one first (the preselected choice), as before cards were offered.
  return [MANUAL_PROVIDER, ...(config.stripePublishableKey ? [STRIPE_PROVIDER] : [])].filter((id) => ids.includes(id))
}

type Step = "details" | "payment" | "card"

function stepOf(url: URL, cart: Cart): Step {
  const asked = url.searchParams.get("step")
  if (asked === "details" || !detailsDone(cart)) return "details"
  // The card step needs the cart's live Stripe session (gone when the cart changed since).
  if ((asked === "card" || asked === "card-return") && config.stripePublishableKey && stripeClientSecret(cart)) return "card"
  return "payment"
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const title = t(shop.lang, "checkout.title")
  const cart = await getCart(shopper)
  if (!cart?.items?.length) {
    return data({ title, checkout: null }, { headers: cookieHeaders(shopper) })
  }
  const url = new URL(request.url)
  const step = stepOf(url, cart)
  let cardError: string | null = null
  if (step === "card" && url.searchParams.get("step") === "card-return") {
    // Back from Stripe (3-D Secure): Medusa checks the intent's status with Stripe as it completes.
    const result = await completeCart(shopper, cart.id)
    if (result.type === "order") {
      return redirect(href(shop, `/orders/${result.order.id}/confirmed`), { headers: cookieHeaders(shopper) })
    }
    cardError = t(shop.lang, "checkout.card_failed", { message: result.message })
  }
  const customer = await currentCustomer(shopper)
  const [countries, options, providers] = await Promise.all([
    regionCountries(shopper, cart),
    step === "details" ? shippingOptions(shopper, cart.id) : Promise.resolve([]),
    step === "payment" ? offeredProviders(shopper) : Promise.resolve([]),
  ])
  // Prefill: what the cart has, else the signed-in customer's email and default address.
  const saved = customer?.addresses?.find((a) => a.is_default_shipping) ?? customer?.addresses?.[0]
  const address = cart.shipping_address?.address_1
    ? addressValues(cart.shipping_address)
    : saved
      ? addressValues(saved)
      : { ...addressValues(null), first_name: customer?.first_name ?? "", last_name: customer?.last_name ?? "", phone: customer?.phone ?? "" }
  const chosen = cart.shipping_methods?.[0]
  return data(
    {
      title,
      checkout: {
        step,
        signedInAs: customer?.email ?? null,
        email: cart.email ?? customer?.email ?? "",
        address,
        countries,
        shippingOptions: options.map((o) => ({ id: o.id, name: o.name, amount: Number(o.amount ?? 0) })),
        shippingOptionId: chosen?.shipping_option_id ?? options[0]?.id ?? null,
        shippingMethod: chosen ? chosen.name : null,
        providers,
        card:
          step === "card"
            ? {
                publishableKey: config.stripePublishableKey,
                stripeJsUrl: config.stripeJsUrl,
                clientSecret: stripeClientSecret(cart)!,
                returnUrl: new URL(`${href(shop, "/checkout")}?step=card-return`, url).toString(),
                error: cardError,
              }
            : null,
        lines: lineViews(cart.items),
        totals: totalsView(cart),
      },
    },
    { headers: cookieHeaders(shopper) }
  )
}

type ActionResult = {
  errors?: string[]
  invalid?: string[]
  problems?: StockProblemView[]
  values?: { email: string; address: Record<string, string>; shippingOptionId: string }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const form = await request.formData()
  const cart = await getCart(shopper)
  const reply = (result: ActionResult, status = 400) => data(result, { status, headers: cookieHeaders(shopper) })
  if (!cart?.items?.length) {
    // "Place order" sent twice: the first made the order and closed the cart; show that order.
    const placed = ["place", "card-complete"].includes(text(form, "intent")) && !cart ? await lastOrderId(request, shop) : null
    return redirect(href(shop, placed ? `/orders/${placed}/confirmed` : "/cart"), { headers: cookieHeaders(shopper) })
  }
  const lang = shop.lang
  try {
    if (text(form, "intent") === "details") {
      const email = text(form, "email").toLowerCase()
      const countries = (cart.region?.countries ?? []).map((c) => c.iso_2!)
      const { values, missing } = readAddress(form, countries)
      const shippingOptionId = text(form, "shipping_option_id")
      const errors: string[] = []
      const invalid: string[] = [...missing]
      if (missing.length) errors.push(t(lang, "checkout.required", { fields: missing.map((f) => t(lang, `form.${f}`)).join(", ") }))
      if (!isEmail(email)) {
        errors.push(t(lang, "checkout.invalid_email"))
        invalid.push("email")
      }
      const options = await shippingOptions(shopper, cart.id)
      if (!options.some((o) => o.id === shippingOptionId)) {
        errors.push(t(lang, "checkout.choose_shipping"))
        invalid.push("shipping_option_id")
      }
      if (errors.length) {
        return reply({ errors, invalid, values: { email, address: values as Record<string, string>, shippingOptionId } })
      }
      const customer = await currentCustomer(shopper)
      if (customer && cart.customer_id !== customer.id) {
        // A cart made before signing in (or on the product page without the account) becomes the customer's.
        await shopper.sdk.store.cart.transferCart(cart.id)
      }
      await setContact(shopper, cart.id, email, addressBody(values))
      await setShippingOption(shopper, cart.id, shippingOptionId)
      return redirect(href(shop, "/checkout"), { headers: cookieHeaders(shopper) })
    }

    // intent=place: payment session, then completion.
    if (!detailsDone(cart)) {
      return redirect(`${href(shop, "/checkout")}?step=details`, { headers: cookieHeaders(shopper) })
    }
    if (text(form, "intent") === "card-complete") {
      // Stripe confirmed in the browser; completion authorizes the session with Stripe (a refused card: no order).
      if (!stripeClientSecret(cart)) {
        return redirect(href(shop, "/checkout"), { headers: cookieHeaders(shopper) })
      }
      const result = await completeCart(shopper, cart.id)
      if (result.type === "order") {
        return redirect(href(shop, `/orders/${result.order.id}/confirmed`), { headers: cookieHeaders(shopper) })
      }
      return reply({ errors: [t(lang, "checkout.card_failed", { message: result.message })] })
    }
    const provider = text(form, "provider_id")
    if (!(await offeredProviders(shopper)).includes(provider)) {
      return reply({ errors: [t(lang, "checkout.choose_payment")], invalid: ["provider_id"] })
    }
    // Stock first: a clear "only N left" instead of the backend's refusal after the payment session.
    const problems = await stockProblems(shopper, linesAfter(cart))
    if (problems.length) {
      return reply({ problems })
    }
    await startPayment(shopper, cart, provider)
    if (provider === STRIPE_PROVIDER) {
      // The card is entered and confirmed with Stripe in the browser, on the card step.
      return redirect(`${href(shop, "/checkout")}?step=card`, { headers: cookieHeaders(shopper) })
    }
    const result = await completeCart(shopper, cart.id)
    if (result.type === "order") {
      return redirect(href(shop, `/orders/${result.order.id}/confirmed`), { headers: cookieHeaders(shopper) })
    }
    return reply({ errors: [t(lang, "checkout.failed", { message: result.message })] })
  } catch (error) {
    const status = errorStatus(error)
    if (!status || status >= 500) {
      console.error(error)
      return reply({ errors: [t(lang, "checkout.unavailable")] }, 503)
    }
    // INSUFFICIENT_INVENTORY (someone bought the last one meanwhile) → per line; anything else as the backend says it.
    const problems = await stockProblems(shopper, linesAfter(cart)).catch(() => [])
    return problems.length ? reply({ problems }) : reply({ errors: [t(lang, "checkout.failed", { message: (error as Error).message })] })
  }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function CheckoutPage({ loaderData, actionData }: Route.ComponentProps) {
  const text = useShopText()
  const { t, lang, link } = text
  const navigation = useNavigation()
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST"
  const checkout = loaderData.checkout
  const result = actionData as ActionResult | undefined
  if (!checkout) {
    return (
      <section aria-labelledby="checkout-title">
        <h1 id="checkout-title">{t("checkout.title")}</h1>
        <p>{t("checkout.empty")}</p>
        <p>
          <Link to={link("/products")}>{t("cart.continue")}</Link>
        </p>
      </section>
    )
  }
  const values = result?.values
  const invalid = result?.invalid ?? []
  const money = (n: number) => formatPrice(n, checkout.totals.currency, lang)
  return (
    <section aria-labelledby="checkout-title" className="checkout-page">
      <h1 id="checkout-title">{t("checkout.title")}</h1>
      {result?.errors?.length || result?.problems?.length ? (
        <div role="alert" className="notice notice-error">
          {result.errors?.map((e) => <p key={e}>{e}</p>)}
          {result.problems?.length ? (
            <>
              <p>{t("checkout.stock")}</p>
              <StockProblems problems={result.problems} text={text} />
              <p>
                <Link to={link("/cart")}>{t("checkout.back_to_cart")}</Link>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="checkout-grid">
        <div>
          {checkout.step === "details" ? (
            <Form method="post" className="stack" noValidate={false}>
              <input type="hidden" name="intent" value="details" />
              <fieldset>
                <legend>{t("checkout.contact")}</legend>
                {checkout.signedInAs ? (
                  <p>{t("checkout.signed_in_as", { email: checkout.signedInAs })}</p>
                ) : (
                  <p>
                    <Link to={`${link("/account/login")}?next=${encodeURIComponent(link("/checkout"))}`}>{t("checkout.have_account")}</Link>
                  </p>
                )}
                <p className="field">
                  <label htmlFor="checkout-email">{t("form.email")}</label>
                  <input
                    id="checkout-email"
                    name="email"
                    type="email"
                    autoComplete="email"
                    required
                    defaultValue={values?.email ?? checkout.email}
                    aria-invalid={invalid.includes("email") || undefined}
                  />
                </p>
              </fieldset>
              <fieldset>
                <legend>{t("checkout.delivery")}</legend>
                <AddressFields idPrefix="ship" values={values?.address ?? checkout.address} countries={checkout.countries} t={t} invalid={invalid} />
              </fieldset>
              <fieldset aria-invalid={invalid.includes("shipping_option_id") || undefined}>
                <legend>{t("checkout.shipping_method")}</legend>
                {checkout.shippingOptions.length ? (
                  checkout.shippingOptions.map((o) => (
                    <p key={o.id} className="choice">
                      <input
                        type="radio"
                        id={`ship-opt-${o.id}`}
                        name="shipping_option_id"
                        value={o.id}
                        required
                        defaultChecked={(values?.shippingOptionId ?? checkout.shippingOptionId) === o.id}
                      />
                      <label htmlFor={`ship-opt-${o.id}`}>
                        {o.name} — {money(o.amount)}
                      </label>
                    </p>
                  ))
                ) : (
                  <p>{t("checkout.no_shipping")}</p>
                )}
              </fieldset>
              <p>
                <button type="submit" className="button button-primary" disabled={busy || !checkout.shippingOptions.length}>
                  {t("checkout.continue")}
                </button>
              </p>
            </Form>
          ) : checkout.step === "card" && checkout.card ? (
            <section aria-labelledby="checkout-card" className="stack">
              <h2 id="checkout-card">{t("checkout.card_title")}</h2>
              <noscript>
                <p className="notice">{t("checkout.card_nojs")}</p>
              </noscript>
              {checkout.card.error ? (
                <p role="alert" className="notice notice-error">
                  {checkout.card.error}
                </p>
              ) : null}
              <StripePayment
                {...checkout.card}
                busy={busy}
                labels={{
                  pay: t("checkout.card_pay"),
                  loading: t("checkout.card_loading"),
                  unavailable: t("checkout.card_unavailable"),
                  failed: (message) => t("checkout.card_failed", { message }),
                }}
              />
              <p>
                <Link to={link("/checkout")}>{t("checkout.card_other")}</Link>
              </p>
            </section>
          ) : (
            <>
              <section aria-labelledby="checkout-details" className="checkout-review">
                <h2 id="checkout-details">{t("checkout.details")}</h2>
                <p>{checkout.email}</p>
                <p>{addressLine(checkout.address)}</p>
                <p>
                  {t("checkout.shipping_method")}: {checkout.shippingMethod}
                </p>
                <p>
                  <Link to={`${link("/checkout")}?step=details`}>{t("checkout.edit")}</Link>
                </p>
              </section>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="place" />
                <fieldset aria-invalid={invalid.includes("provider_id") || undefined}>
                  <legend>{t("checkout.payment")}</legend>
                  {checkout.providers.map((id, i) => (
                    <p key={id} className="choice">
                      <input type="radio" id={`pay-${id}`} name="provider_id" value={id} required defaultChecked={i === 0} />
                      <label htmlFor={`pay-${id}`}>{t(id === MANUAL_PROVIDER ? "checkout.manual" : "checkout.stripe")}</label>
                    </p>
                  ))}
                </fieldset>
                <p>
                  <button type="submit" className="button button-primary" disabled={busy || !checkout.providers.length}>
                    {t("checkout.place")}
                  </button>
                </p>
              </Form>
            </>
          )}
        </div>
        <aside aria-labelledby="checkout-summary" className="checkout-summary">
          <h2 id="checkout-summary">{t("checkout.summary")}</h2>
          <OrderLines lines={checkout.lines} currency={checkout.totals.currency} text={text} caption={t("cart.lines")} />
          <Totals totals={checkout.totals} text={text} />
          <p>
            <Link to={link("/cart")}>{t("checkout.back_to_cart")}</Link>
          </p>
        </aside>
      </div>
    </section>
  )
}
