import { redirect } from "react-router"
import type { Route } from "./+types/account.logout"
import { logout } from "../lib/account.server"
import { cookieHeaders, shopperOf } from "../lib/cart.server"
import { href, resolveShop } from "../lib/shop.server"

/** POST: forget the customer's token and cart at this shop. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const shopper = await shopperOf(request, shop)
  await logout(shopper)
  return redirect(href(shop, "/"), { headers: cookieHeaders(shopper) })
}

/** Signing out changes state, so it is a POST; a GET goes to the account page. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  return redirect(href(shop, "/account"))
}
