/**
 * Matching request paths against Medusa-style route patterns:
 * `/admin/products/:id/variants/:variant_id`, with a trailing `*` for a whole
 * subtree. The most specific pattern wins (static segments over parameters over
 * wildcards), as in Medusa's own router.
 */
export type CompiledPattern = { regex: RegExp; params: string[]; specificity: number }

const cache = new Map<string, CompiledPattern>()

export function compilePattern(route: string): CompiledPattern {
  const hit = cache.get(route)
  if (hit) {
    return hit
  }
  const wildcard = route.endsWith("*")
  const segments = (wildcard ? route.slice(0, -1) : route).split("/").filter(Boolean)
  const params: string[] = []
  let specificity = 0
  const body = segments
    .map((segment) => {
      if (segment.startsWith(":")) {
        params.push(segment.slice(1))
        specificity += 1
        return "/([^/]+)"
      }
      specificity += 2
      return "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    })
    .join("")
  // `/admin/vendors*` covers /admin/vendors and everything below it.
  const regex = new RegExp(`^${body}${wildcard ? "(?:/.*)?" : "/?"}$`)
  const compiled = { regex, params, specificity: specificity - (wildcard ? 1 : 0) }
  cache.set(route, compiled)
  return compiled
}

/** The best entry for method + path, with the path's parameters. */
export function matchRoute<T extends { methods?: string[]; route: string }>(
  entries: T[],
  method: string,
  path: string
): { entry: T; params: Record<string, string> } | undefined {
  let best: { entry: T; params: Record<string, string>; specificity: number } | undefined
  for (const entry of entries) {
    if (entry.methods && !entry.methods.includes(method)) {
      continue
    }
    const pattern = compilePattern(entry.route)
    const m = pattern.regex.exec(path)
    if (!m || (best && best.specificity >= pattern.specificity)) {
      continue
    }
    const params = Object.fromEntries(pattern.params.map((name, i) => [name, decodeURIComponent(m[i + 1])]))
    best = { entry, params, specificity: pattern.specificity }
  }
  return best && { entry: best.entry, params: best.params }
}

/** The request path without query string or trailing slash (req.path is relative in wildcard middlewares). */
export const requestPath = (originalUrl: string) => originalUrl.split("?")[0].replace(/\/+$/, "") || "/"
