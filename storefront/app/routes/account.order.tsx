import { data, Link } from "react-router"
import type { Route } from "./+types/account.order"
import { OrderDetails } from "../components/order-details"
import { getOrder, orderView, requireCustomer } from "../lib/account.server"
import { cookieHeaders, shopperOf } from "../lib/cart.server"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/** One of the signed-in customer's orders; another customer's order is 404 like an unknown one. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const customer = await requireCustomer(shopper, request)
  const order = await getOrder(shopper, params.id)
  if (!order || (order as { customer_id?: string | null }).customer_id !== customer.id) {
    throw data({ message: t(shop.lang, "order.not_found") }, { status: 404, headers: cookieHeaders(shopper) })
  }
  const view = orderView(order)
  return data({ order: view, title: `${t(shop.lang, "order.number")} ${view.number}` }, { headers: cookieHeaders(shopper) })
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function AccountOrder({ loaderData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const { order } = loaderData
  return (
    <section aria-labelledby="order-title">
      <h1 id="order-title">{t("order.view", { number: order.number })}</h1>
      <p>
        <Link to={link("/account/orders")}>{t("account.back_to_orders")}</Link>
      </p>
      <OrderDetails order={order} />
    </section>
  )
}
