import { data, Link } from "react-router"
import type { Route } from "./+types/order-confirmed"
import { OrderDetails } from "../components/order-details"
import { currentCustomer, getOrder, orderView } from "../lib/account.server"
import { cookieHeaders, lastOrderId, shopperOf } from "../lib/cart.server"
import { t } from "../lib/i18n"
import "../lib/i18n.shopper"
import "../shopper.css"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

/**
 * The thank-you page after checkout. It opens for the browser that placed the order
 * (its cookie) or for the signed-in customer whose order it is; anyone else gets 404.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  const order = await getOrder(shopper, params.id)
  let allowed = Boolean(order) && (await lastOrderId(request, shop)) === order!.id
  let signedIn = false
  if (order) {
    const customer = await currentCustomer(shopper)
    signedIn = Boolean(customer)
    allowed ||= Boolean(customer && (order as { customer_id?: string | null }).customer_id === customer.id)
  }
  if (!order || !allowed) {
    throw data({ message: t(shop.lang, "order.not_found") }, { status: 404, headers: cookieHeaders(shopper) })
  }
  return data({ order: orderView(order), signedIn, title: t(shop.lang, "order.confirmed") }, { headers: cookieHeaders(shopper) })
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title)

export default function OrderConfirmed({ loaderData }: Route.ComponentProps) {
  const { t, link } = useShopText()
  const { order, signedIn } = loaderData
  return (
    <section aria-labelledby="confirmed-title" className="order-confirmed">
      <h1 id="confirmed-title">{t("order.confirmed")}</h1>
      {order.email ? <p>{t("order.email_sent", { email: order.email })}</p> : null}
      <OrderDetails order={order} />
      <p>
        {signedIn ? (
          <Link to={link(`/account/orders/${order.id}`)}>{t("order.see_history")}</Link>
        ) : null}{" "}
        <Link to={link("/products")}>{t("cart.continue")}</Link>
      </p>
    </section>
  )
}
