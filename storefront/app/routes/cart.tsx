import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/cart"
import { StockProblems, Totals } from "../components/order-lines"
import {
  cookieHeaders,
  getCart,
  lineViews,
  linesAfter,
  removeLine,
  shopperOf,
  stockProblems,
  totalsView,
  updateLine,
} from "../lib/cart.server"
import { quantity, text } from "../lib/forms"
import { formatPrice, t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { errorStatus } from "../lib/medusa.server"
import { href, resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

const MAX_QUANTITY = 99

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const cart = await getCart(shopper)
  // Stock may have gone since the lines were added: say so before checkout refuses.
  const problems = cart?.items?.length ? await stockProblems(shopper, linesAfter(cart)).catch(() => []) : []
  const view = cart?.items?.length ? { lines: lineViews(cart.items), totals: totalsView(cart) } : null
  return data({ cart: view, problems, title: t(shop.lang, "cart.title") }, { headers: cookieHeaders(shopper) })
}

/** POST intent=update {line_id, quantity} (0 removes) or intent=remove {line_id}; then back to the cart. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const form = await request.formData()
  const intent = text(form, "intent")
  const lineId = text(form, "line_id")
  const back = () => redirect(href(shop, "/cart"), { headers: cookieHeaders(shopper) })
  if (!lineId || (intent !== "update" && intent !== "remove")) {
    return back()
  }
  const wanted = intent === "remove" ? 0 : quantity(form, "quantity", MAX_QUANTITY)
  if (wanted === null) {
    return data(
      { error: t(shop.lang, "cart.quantity_invalid", { max: MAX_QUANTITY }), problems: [] },
      { status: 400, headers: cookieHeaders(shopper) }
    )
  }
  const cart = await getCart(shopper)
  if (!cart) {
    return back()
  }
  try {
    await (wanted === 0 ? removeLine(shopper, lineId) : updateLine(shopper, lineId, wanted))
    return back()
  } catch (error) {
    const status = errorStatus(error)
    if (!status || status >= 500) {
      throw error
    }
    // Medusa refuses more than the stock (INSUFFICIENT_INVENTORY): say how many are left.
    const problems = await stockProblems(shopper, linesAfter(cart, { lineId, quantity: wanted })).catch(() => [])
    const message = problems.length ? null : t(shop.lang, "cart.failed", { message: (error as Error).message })
    return data({ error: message, problems }, { status: status === 404 ? 404 : 400, headers: cookieHeaders(shopper) })
  }
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function CartPage({ loaderData, actionData }: Route.ComponentProps) {
  const text = useShopText()
  const { t, lang, link } = text
  const navigation = useNavigation()
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST"
  const { cart } = loaderData
  const problems = actionData?.problems?.length ? actionData.problems : loaderData.problems
  return (
    <section aria-labelledby="cart-title" className="cart-page">
      <h1 id="cart-title">{t("cart.title")}</h1>
      {actionData?.error || problems.length ? (
        <div role="alert" className="notice notice-error">
          {actionData?.error ? <p>{actionData.error}</p> : null}
          <StockProblems problems={problems} text={text} />
          {problems.length ? <p>{t("cart.stock_hint")}</p> : null}
        </div>
      ) : null}
      {!cart ? (
        <>
          <p>{t("cart.empty")}</p>
          <p>
            <Link to={link("/products")}>{t("cart.continue")}</Link>
          </p>
        </>
      ) : (
        <>
          <table className="lines cart-lines">
            <caption className="visually-hidden">{t("cart.lines")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cart.product")}</th>
                <th scope="col" className="num">{t("cart.unit_price")}</th>
                <th scope="col">{t("cart.quantity")}</th>
                <th scope="col" className="num">{t("cart.line_total")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("cart.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cart.lines.map((line) => (
                <tr key={line.id}>
                  <th scope="row">
                    <span className="line-title">
                      {line.thumbnail ? <img src={line.thumbnail} alt="" width={56} height={56} loading="lazy" /> : null}
                      {line.productHandle ? <Link to={link(`/products/${line.productHandle}`)}>{line.title}</Link> : line.title}
                    </span>
                  </th>
                  <td className="num">{formatPrice(line.unitPrice, cart.totals.currency, lang)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="line_id" value={line.id} />
                      <label htmlFor={`qty-${line.id}`} className="visually-hidden">
                        {t("cart.quantity_of", { title: line.title })}
                      </label>
                      <input
                        id={`qty-${line.id}`}
                        name="quantity"
                        type="number"
                        min={0}
                        max={MAX_QUANTITY}
                        defaultValue={line.quantity}
                        key={line.quantity}
                        inputMode="numeric"
                        className="qty"
                      />
                      <button type="submit" disabled={busy} aria-label={t("cart.update_of", { title: line.title })}>
                        {t("cart.update")}
                      </button>
                    </Form>
                  </td>
                  <td className="num">{formatPrice(line.subtotal, cart.totals.currency, lang)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="line_id" value={line.id} />
                      <button type="submit" className="link-button" disabled={busy} aria-label={t("cart.remove_of", { title: line.title })}>
                        {t("cart.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <section aria-labelledby="cart-summary" className="cart-summary">
            <h2 id="cart-summary">{t("cart.summary")}</h2>
            <Totals totals={cart.totals} text={text} />
            <p>
              <Link to={link("/checkout")} className="button button-primary">
                {t("cart.checkout")}
              </Link>
            </p>
            <p>
              <Link to={link("/products")}>{t("cart.continue")}</Link>
            </p>
          </section>
        </>
      )}
    </section>
  )
}
