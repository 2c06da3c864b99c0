import { addressLine } from "../lib/forms"
import { useShopText } from "../lib/use-shop"
import type { OrderView } from "../lib/account.server"
import { OrderLines, Totals } from "./order-lines"

/** An order's number, lines, totals, delivery address and method (confirmation and order history). */
export function OrderDetails({ order, headingLevel = 2 }: { order: OrderView; headingLevel?: 2 | 3 }) {
  const text = useShopText()
  const { t, lang } = text
  const H = headingLevel === 2 ? "h2" : "h3"
  const date = new Intl.DateTimeFormat(lang === "lb" ? "fr-LU" : lang, { dateStyle: "long" }).format(new Date(order.createdAt))
  return (
    <div className="order-details">
      <dl className="order-facts">
        <div>
          <dt>{t("order.number")}</dt>
          <dd data-testid="order-number">{order.number}</dd>
        </div>
        <div>
          <dt>{t("order.date")}</dt>
          <dd>
            <time dateTime={order.createdAt}>{date}</time>
          </dd>
        </div>
        <div>
          <dt>{t("order.status")}</dt>
          <dd>{t(order.status === "pending" && order.fulfillmentStatus ? `order.fulfillment.${order.fulfillmentStatus}` : `order.status.${order.status}`)}</dd>
        </div>
      </dl>
      <OrderLines lines={order.lines} currency={order.totals.currency} text={text} caption={t("order.lines")} />
      <Totals totals={order.totals} text={text} />
      <section aria-label={t("order.address")}>
        <H>{t("order.address")}</H>
        <p>{addressLine(order.address)}</p>
        {order.shipping ? (
          <p>
            {t("order.delivery")}: {order.shipping}
          </p>
        ) : null}
      </section>
    </div>
  )
}
