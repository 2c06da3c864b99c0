import { Link } from "react-router"
import { formatPrice } from "../lib/i18n"
import { lowestPrice, type CatalogProduct } from "../lib/catalog"
import { useShopText } from "../lib/use-shop"

/** One product in a grid: image, name (the link), price. */
export function ProductCard({ product }: { product: CatalogProduct }) {
  const { t, lang, link } = useShopText()
  const price = lowestPrice(product)
  const formatted = price ? formatPrice(price.amount, price.currency, lang) : ""
  return (
    <li className="product-card" data-testid="product-card">
      <div className="product-card-image">
        {product.thumbnail ? <img src={product.thumbnail} alt="" loading="lazy" /> : <span aria-hidden="true">{product.title.slice(0, 1)}</span>}
      </div>
      <h3 className="product-card-title">
        <Link to={link(`/products/${encodeURIComponent(product.handle)}`)}>{product.title}</Link>
      </h3>
      <p className="product-card-price">{price ? (price.varies ? t("product.from", { price: formatted }) : formatted) : t("product.unavailable")}</p>
    </li>
  )
}

export function ProductGrid({ products, labelledBy }: { products: CatalogProduct[]; labelledBy?: string }) {
  return (
    <ul className="product-grid" aria-labelledby={labelledBy}>
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  )
}
