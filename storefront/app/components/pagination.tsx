import { Link } from "react-router"
import { useShopText } from "../lib/use-shop"

/**
 * Page links that keep the other query parameters (category, sort, q).
 * Plain links: they work without JavaScript and can be bookmarked.
 */
export function Pagination({ path, params, page, pages }: { path: string; params: URLSearchParams; page: number; pages: number }) {
  const { t, link } = useShopText()
  if (pages <= 1) {
    return null
  }
  const to = (n: number) => {
    const next = new URLSearchParams(params)
    if (n === 1) {
      next.delete("page")
    } else {
      next.set("page", String(n))
    }
    const qs = next.toString()
    return link(path) + (qs ? `?${qs}` : "")
  }
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2)
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      <p className="visually-hidden">{t("pagination.status", { page, pages })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={to(page - 1)} rel="prev">
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        {numbers.map((n, i) => (
          <li key={n}>
            {i > 0 && n - numbers[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page" aria-label={t("pagination.page", { page: n })}>
                {n}
              </span>
            ) : (
              <Link to={to(n)} aria-label={t("pagination.page", { page: n })}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link to={to(page + 1)} rel="next">
              {t("pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
