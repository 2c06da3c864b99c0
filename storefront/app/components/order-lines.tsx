import { Link } from "react-router"
import { formatPrice, type Lang } from "../lib/i18n"
import type { LineView, StockProblemView, TotalsView } from "../lib/shopper-views"

type Text = { t: (key: string, vars?: Record<string, string | number>) => string; lang: Lang; link: (path: string) => string }

/** Read-only lines of a cart or an order (checkout, confirmation, order detail). */
export function OrderLines({ lines, currency, text, caption }: { lines: LineView[]; currency: string; text: Text; caption: string }) {
  const { t, lang, link } = text
  return (
    <table className="lines">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("cart.product")}</th>
          <th scope="col" className="num">{t("cart.quantity")}</th>
          <th scope="col" className="num">{t("cart.line_total")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <th scope="row">
              {line.productHandle ? <Link to={link(`/products/${line.productHandle}`)}>{line.title}</Link> : line.title}
              <span className="unit-price"> · {formatPrice(line.unitPrice, currency, lang)}</span>
            </th>
            <td className="num">{line.quantity}</td>
            <td className="num">{formatPrice(line.subtotal, currency, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Subtotal, shipping, tax and total as a definition list. */
export function Totals({ totals, text }: { totals: TotalsView; text: Text }) {
  const { t, lang } = text
  const money = (n: number) => formatPrice(n, totals.currency, lang)
  return (
    <dl className="totals">
      <div>
        <dt>{t("cart.subtotal")}</dt>
        <dd>{money(totals.subtotal)}</dd>
      </div>
      {totals.discount ? (
        <div>
          <dt>{t("cart.discount")}</dt>
          <dd>−{money(totals.discount)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("cart.shipping")}</dt>
        <dd>{money(totals.shipping)}</dd>
      </div>
      <div>
        <dt>{t("cart.tax")}</dt>
        <dd>{money(totals.tax)}</dd>
      </div>
      <div className="grand-total">
        <dt>{t("cart.total")}</dt>
        <dd>{money(totals.total)}</dd>
      </div>
    </dl>
  )
}

/** "Only N left of X" / "X is sold out", one per line that asks for too much. */
export function StockProblems({ problems, text }: { problems: StockProblemView[]; text: Text }) {
  if (!problems.length) return null
  return (
    <ul className="stock-problems">
      {problems.map((p) => (
        <li key={p.lineId}>
          {p.available > 0 ? text.t("cart.only_left", { count: p.available, title: p.title }) : text.t("cart.sold_out", { title: p.title })}
        </li>
      ))}
    </ul>
  )
}
