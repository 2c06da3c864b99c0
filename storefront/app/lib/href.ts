/**
 * A link inside the shop: host mode has no prefix (`/products`), path mode
 * puts the shop under `/vendors/<handle>` (`/vendors/velo/products`).
 * Safe in the browser too (components build links from the root loader's `base`).
 */
export function shopHref(base: string, path = "/"): string {
  const p = path.startsWith("/") ? path : `/${path}`
  if (!base) {
    return p
  }
  return p === "/" ? `${base}/` : `${base}${p}`
}

/** The in-shop part of a URL path (`/vendors/velo/products` → `/products`). */
export function shopPath(base: string, pathname: string): string {
  if (base && (pathname === base || pathname.startsWith(`${base}/`))) {
    return pathname.slice(base.length) || "/"
  }
  return pathname || "/"
}
