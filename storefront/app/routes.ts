import { type RouteConfig, type RouteConfigEntry, index, prefix, route } from "@react-router/dev/routes"

/**
 * Every page exists twice: in host mode (`/products` on `<handle>.<PLATFORM_DOMAIN>`
 * or a custom domain) and in path mode (`/vendors/<handle>/products`, development).
 * Same modules, unique ids. `:handle` is the vendor's handle, so a product is `:productHandle`.
 */
function pages(mode: "host" | "path"): RouteConfigEntry[] {
  const id = (name: string) => ({ id: `${mode}-${name}` })
  return [
    index("routes/home.tsx", id("home")),
    route("products", "routes/catalog.tsx", id("catalog")),
    route("products/:productHandle", "routes/product.tsx", id("product")),
    route("search", "routes/search.tsx", id("search")),
    route("cart", "routes/cart.tsx", id("cart")),
    route("checkout", "routes/checkout.tsx", id("checkout")),
    route("orders/:id/confirmed", "routes/order-confirmed.tsx", id("order-confirmed")),
    route("account", "routes/account.tsx", id("account")),
    route("account/login", "routes/account.login.tsx", id("account-login")),
    route("account/register", "routes/account.register.tsx", id("account-register")),
    route("account/logout", "routes/account.logout.tsx", id("account-logout")),
    // Password reset: the request form, and the page the backend's reset email links to.
    route("account/forgot-password", "routes/account.forgot-password.tsx", id("account-forgot-password")),
    route("reset-password", "routes/reset-password.tsx", id("reset-password")),
    route("account/orders", "routes/account.orders.tsx", id("account-orders")),
    route("account/orders/:id", "routes/account.order.tsx", id("account-order")),
    route("lang", "routes/lang.tsx", id("lang")),
    // Anything else inside a shop: its own 404 page, in the shop's layout.
    route("*", "routes/not-found.tsx", id("not-found")),
  ]
}

export default [...pages("host"), ...prefix("vendors/:handle", pages("path"))] satisfies RouteConfig
