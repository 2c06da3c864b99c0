import { data, Link } from "react-router"
import type { Route } from "./+types/account.orders"
import { listOrders, ORDERS_PER_PAGE, requireCustomer } from "../lib/account.server"
import { cookieHeaders, shopperOf } from "../lib/cart.server"
import { formatPrice, t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/** The signed-in customer's orders at this shop, newest first, 10 a page. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  await requireCustomer(shopper, request)
  const page = Math.max(1, Math.min(1000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1))
  const { orders, count } = await listOrders(shopper, page)
  return data(
    {
      title: t(shop.lang, "account.orders"),
      page,
      pages: Math.max(1, Math.ceil(count / ORDERS_PER_PAGE)),
      count,
      orders: orders.map((o) => ({
        id: o.id,
        number: String(o.display_id ?? ""),
        createdAt: String(o.created_at),
        status: o.status,
        fulfillmentStatus: (o as { fulfillment_status?: string }).fulfillment_status ?? null,
        total: Number(o.total ?? 0),
        currency: o.currency_code,
      })),
    },
    { headers: cookieHeaders(shopper) }
  )
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function Orders({ loaderData }: Route.ComponentProps) {
  const { t, lang, link } = useShopText()
  const { orders, page, pages, count } = loaderData
  const date = new Intl.DateTimeFormat(lang === "lb" ? "fr-LU" : lang, { dateStyle: "medium" })
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t("account.orders")}</h1>
      <p>
        <Link to={link("/account")}>{t("account.title")}</Link>
      </p>
      {orders.length ? (
        <>
          <table className="lines orders-table">
            <caption>{t("account.orders_count", { count })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("order.number")}</th>
                <th scope="col">{t("order.date")}</th>
                <th scope="col">{t("order.status")}</th>
                <th scope="col" className="num">{t("cart.total")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={link(`/account/orders/${o.id}`)} aria-label={t("order.view", { number: o.number })}>
                      {t("order.number_value", { number: o.number })}
                    </Link>
                  </th>
                  <td>
                    <time dateTime={o.createdAt}>{date.format(new Date(o.createdAt))}</time>
                  </td>
                  <td>{t(o.status === "pending" && o.fulfillmentStatus ? `order.fulfillment.${o.fulfillmentStatus}` : `order.status.${o.status}`)}</td>
                  <td className="num">{formatPrice(o.total, o.currency, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? (
            <nav aria-label={t("pagination.label")} className="pagination">
              {page > 1 ? <Link to={`${link("/account/orders")}?page=${page - 1}`}>{t("pagination.previous")}</Link> : null}
              <span>{t("pagination.status", { page, pages })}</span>
              {page < pages ? <Link to={`${link("/account/orders")}?page=${page + 1}`}>{t("pagination.next")}</Link> : null}
            </nav>
          ) : null}
        </>
      ) : (
        <p>{t("account.orders_empty")}</p>
      )}
    </section>
  )
}
