import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { VendorScope } from "../../tenancy/context"
import { nonEmpty } from "../../tenancy/ownership"
import { requestPath } from "../../tenancy/route-match"
import { maartErrorHandler } from "../../utils/error-handler"
import { parseCatalogQuery, shopCatalogPage } from "./shop-catalog"

type ShopRequest = MedusaRequest & {
  shop?: VendorScope
  publishable_key_context?: { sales_channel_ids: string[] }
}
type ListBody = { products?: { id?: string }[]; count?: number; offset?: number; limit?: number }

/** MAART_FAST_CATALOG=0 gives Medusa's own path back (the benchmark's stock side). */
export const fastCatalogEnabled = () => !["0", "false", "off"].includes((process.env.MAART_FAST_CATALOG ?? "").toLowerCase())

/**
 * A shop's catalog page fast (GET /store/products): the page's product ids,
 * ordered, paged and counted in one SQL join of product and product_sales_channel
 * (shop-catalog.ts says why Medusa's own path is slow). Medusa then serves the
 * request as always, with `id` = just those ids: its validation, sales-channel
 * filter (the key's channel, so a foreign id could never show), published-only
 * filter, fields, prices and taxes all still apply, and the js-sdk gets the same
 * shape. Only count/offset are set back to the whole list's, and the products to
 * the page's order.
 *
 * Chosen over Medusa's Index module (`index_engine` flag): it is a second copy of
 * the catalog kept in sync by events (a full sync of 100k products with variants
 * and prices, then per change; multi-instance needs Redis events), answers
 * `count` as an estimate, and store products falls back to the slow path for
 * category and tag filters anyway. An index alone does not fix Medusa's path:
 * its link query takes 3 ms; the cost is carrying 10k ids through Node and SQL.
 * (Indexes do serve this path's SQL: src/migration-scripts/store-catalog-indexes.ts.)
 *
 * It also answers `order=price` / `-price` with `region_id` (the lowest variant
 * price in the region's currency, shop-catalog.ts), which Medusa's path cannot.
 *
 * Runs before Medusa's validators (no `methods`), after the tenancy guard has set
 * `req.shop`. Anything it does not answer exactly (unknown parameters, operators,
 * several channels) goes to Medusa's path untouched.
 */
export async function shopCatalogFastPath(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const shopReq = req as ShopRequest
    const channels = shopReq.publishable_key_context?.sales_channel_ids ?? []
    const shop = shopReq.shop
    if (
      req.method !== "GET" ||
      requestPath(req.originalUrl) !== "/store/products" ||
      !fastCatalogEnabled() ||
      !shop?.sales_channel_id ||
      channels.length !== 1 ||
      channels[0] !== shop.sales_channel_id
    ) {
      return next()
    }
    const query = req.query as Record<string, unknown>
    const catalogQuery = parseCatalogQuery(query)
    if (!catalogQuery) {
      return next()
    }
    const page = shopCatalogPage(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), shop.sales_channel_id, catalogQuery)
    const ids = await page.ids

    for (const key of ["q", "id", "handle", "title", "category_id", "collection_id", "tag_id", "type_id", "offset"]) {
      delete query[key]
    }
    query.id = nonEmpty(ids) // an empty page: an id no product has
    if (catalogQuery.order.column === "price") {
      delete query.order // Medusa cannot order by price; the page is put in our order below
    }
    // Says which path answered (the benchmark and the regression test check it).
    res.setHeader("x-maart-catalog", "fast")
    const rank = new Map(ids.map((id, i) => [id, i]))
    const json = res.json.bind(res)
    res.json = (body: ListBody) => {
      if (!(body && Array.isArray(body.products) && typeof body.count === "number")) {
        return json(body) // an error answer
      }
      if (body.products.every((p) => p?.id && rank.has(p.id))) {
        body.products.sort((a, b) => rank.get(a.id!)! - rank.get(b.id!)!)
      }
      body.offset = catalogQuery.offset
      body.limit = catalogQuery.limit
      // The count has been running while Medusa fetched the page: its time overlaps, not adds.
      page.count.then(
        (count) => json({ ...body, count }),
        (e) => {
          res.json = json
          maartErrorHandler(e, req, res, () => undefined)
        }
      )
      return res
    }
    next()
  } catch (e) {
    next(e)
  }
}

export const storeProductRoutesMiddlewares: MiddlewareRoute[] = [
  // No `methods`: it must run before Medusa's validators and link filter, which it makes cheap.
  { matcher: "/store/products", middlewares: [shopCatalogFastPath] },
]
