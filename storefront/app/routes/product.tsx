import { data, Form, Link, redirect, useNavigation } from "react-router"
import type { Route } from "./+types/product"
import { addLine, cookieHeaders, getCart, linesAfter, shopperOf, stockProblems } from "../lib/cart.server"
import "../lib/i18n.shopper"
import { inStock, type CatalogProduct, type CatalogVariant } from "../lib/catalog"
import { productByHandle } from "../lib/catalog.server"
import { formatPrice, t } from "../lib/i18n"
import { errorStatus, storeSdk } from "../lib/medusa.server"
import { resolveShop } from "../lib/shop.server"
import { shopMeta, useShopText } from "../lib/use-shop"

const MAX_QUANTITY = 99

/** The option values chosen in the URL (`?<option id>=<value>`, ids are `opt_…`), completed from the first fitting variant. */
function chooseVariant(product: CatalogProduct, query: URLSearchParams) {
  const options = product.options ?? []
  const variants = product.variants ?? []
  const valueOf = (v: CatalogVariant, optionId: string) => v.options?.find((o) => o.option_id === optionId)?.value
  const asked: Record<string, string> = {}
  for (const option of options) {
    const value = query.get(option.id)
    if (value && option.values?.some((v) => v.value === value)) {
      asked[option.id] = value
    }
  }
  const fits = (v: CatalogVariant) => Object.entries(asked).every(([id, value]) => valueOf(v, id) === value)
  // Nothing asked: the first variant in stock. Some options asked: the first variant with those values.
  const base = variants.filter(fits).sort((a, b) => Number(inStock(b)) - Number(inStock(a)))[0]
  const selected: Record<string, string> = {}
  for (const option of options) {
    const value = asked[option.id] ?? (base ? valueOf(base, option.id) : undefined)
    if (value) {
      selected[option.id] = value
    }
  }
  const variant = variants.find((v) => options.every((o) => valueOf(v, o.id) === selected[o.id])) ?? null
  return { selected, variant }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  const product = await productByHandle(storeSdk(shop), shop, params.productHandle)
  if (!product) {
    throw data(null, { status: 404 })
  }
  const query = new URL(request.url).searchParams
  const { selected, variant } = chooseVariant(product, query)
  return { product, selected, variant, added: query.get("added") === "1", title: product.title, description: product.subtitle || product.description?.slice(0, 160) || undefined }
}

/** POST: add the chosen variant to the cart (made on the first add; its id goes in the shop's cookie). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const form = await request.formData()
  const variantId = String(form.get("variant_id") ?? "")
  const quantity = Number(form.get("quantity") ?? 1)
  if (!variantId) {
    return data({ message: t(shop.lang, "product.choose_first") }, { status: 400 })
  }
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return data({ message: t(shop.lang, "product.quantity_invalid", { max: MAX_QUANTITY }) }, { status: 400 })
  }
  const shopper = await shopperOf(request, shop)
  try {
    await addLine(shopper, variantId, quantity)
  } catch (error) {
    const status = errorStatus(error)
    if (!status || status >= 500) {
      throw error
    }
    // Medusa refuses more than the stock: say how many are left (with the cart's own lines of this variant).
    const productId = String(form.get("product_id") ?? "") || undefined
    const lines = linesAfter(await getCart(shopper).catch(() => null), { variantId, productId, quantity })
    const [problem] = await stockProblems(shopper, lines).catch(() => [])
    const message = problem
      ? problem.available > 0
        ? t(shop.lang, "cart.only_left", { count: problem.available, title: problem.title })
        : t(shop.lang, "cart.sold_out", { title: problem.title })
      : (error as Error).message
    return data({ message }, { status: status === 404 ? 404 : 400, headers: cookieHeaders(shopper) })
  }
  const headers = cookieHeaders(shopper)
  // Post/Redirect/Get: the page after the add is rendered with the new cart cookie (count in the header).
  const back = new URL(request.url)
  back.searchParams.set("added", "1")
  return redirect(back.pathname + back.search, { headers })
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => shopMeta(matches, loaderData?.title, loaderData?.description)

export default function Product({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, link } = useShopText()
  const navigation = useNavigation()
  const { product, selected, variant, added } = loaderData
  const options = product.options ?? []
  const images = product.images?.length ? product.images : product.thumbnail ? [{ id: "thumb", url: product.thumbnail }] : []
  const price = variant?.calculated_price
  const available = variant ? inStock(variant) : false
  const adding = navigation.state !== "idle" && navigation.formMethod === "POST"
  const path = link(`/products/${encodeURIComponent(product.handle)}`)
  return (
    <article className="product-detail">
      <section className="product-gallery" aria-label={t("product.images")}>
        {images.length ? (
          <ul>
            {images.map((image, i) => (
              <li key={image.id}>
                <img src={image.url} alt={`${product.title} (${i + 1}/${images.length})`} loading={i ? "lazy" : "eager"} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="no-image">{t("product.no_image")}</p>
        )}
      </section>
      <section className="product-info">
        <h1>{product.title}</h1>
        {product.subtitle ? <p className="product-subtitle">{product.subtitle}</p> : null}
        <p className="product-price">
          <span className="visually-hidden">{t("product.price")}: </span>
          {price?.calculated_amount != null ? (
            <>
              {price.original_amount != null && price.original_amount > price.calculated_amount ? (
                <del>{formatPrice(price.original_amount, price.currency_code, lang)}</del>
              ) : null}{" "}
              <strong>{formatPrice(price.calculated_amount, price.currency_code, lang)}</strong>
            </>
          ) : (
            t("product.unavailable")
          )}
        </p>
        {variant ? (
          <p className={available ? "stock in-stock" : "stock out-of-stock"}>{available ? t("product.in_stock") : t("product.out_of_stock")}</p>
        ) : (
          <p className="stock out-of-stock">{t("product.variant_missing")}</p>
        )}

        {options.length > 0 && (product.variants?.length ?? 0) > 1 ? (
          <Form method="get" action={path} className="variant-form" preventScrollReset>
            <fieldset>
              <legend>{t("product.options")}</legend>
              {options.map((option) => (
                <p key={option.id}>
                  <label htmlFor={option.id}>{option.title}</label>
                  <select id={option.id} name={option.id} defaultValue={selected[option.id]}>
                    {(option.values ?? []).map((v) => (
                      <option key={v.id} value={v.value}>
                        {v.value}
                      </option>
                    ))}
                  </select>
                </p>
              ))}
              <button type="submit">{t("product.choose")}</button>
            </fieldset>
          </Form>
        ) : null}

        <Form method="post" action={path + (Object.keys(selected).length ? `?${new URLSearchParams(Object.entries(selected))}` : "")} className="add-form">
          <input type="hidden" name="variant_id" value={variant?.id ?? ""} />
          <input type="hidden" name="product_id" value={product.id} />
          <label htmlFor="quantity">{t("product.quantity")}</label>
          <input id="quantity" name="quantity" type="number" min={1} max={MAX_QUANTITY} defaultValue={1} inputMode="numeric" />
          <button type="submit" disabled={!variant || !available || adding}>
            {t("product.add_to_cart")}
          </button>
        </Form>
        <div role="status" aria-live="polite" className={actionData ? "form-error" : "form-ok"}>
          {actionData ? (
            <p>{actionData.message}</p>
          ) : added ? (
            <p>
              {t("product.added")} <Link to={link("/cart")}>{t("nav.cart")}</Link>
            </p>
          ) : null}
        </div>
        {product.description ? <div className="product-description">{product.description}</div> : null}
      </section>
    </article>
  )
}
