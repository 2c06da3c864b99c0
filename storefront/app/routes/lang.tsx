import { redirect } from "react-router"
import type { Route } from "./+types/lang"
import { href, resolveShop } from "../lib/shop.server"
import { setLang } from "../lib/session.server"
import { isLang } from "../lib/i18n"

/** POST /lang {lang, redirectTo}: remember the shopper's language at this shop, go back. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const shop = await resolveShop(request, params, context)
  const form = await request.formData()
  const lang = form.get("lang")
  // Only a path inside this shop: never an open redirect.
  const target = String(form.get("redirectTo") ?? "/")
  const path = target.startsWith("/") && !target.startsWith("//") && !target.includes("\\") ? target : "/"
  const headers = new Headers()
  if (isLang(lang) && shop.languages.includes(lang)) {
    headers.append("Set-Cookie", await setLang(shop, lang))
  }
  return redirect(href(shop, path), { headers })
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const shop = await resolveShop(request, params, context)
  return redirect(href(shop, "/"))
}
