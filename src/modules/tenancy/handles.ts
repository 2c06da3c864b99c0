/**
 * Vendor handles name a shop in its subdomain and its /vendors/<handle> path:
 * a lower-case DNS label, never one of the platform's own names.
 */
export const RESERVED_HANDLES = new Set([
  "admin", "api", "app", "apps", "www", "store", "shop", "shops", "vendors", "vendor", "auth",
  "static", "assets", "cdn", "media", "files", "uploads", "mail", "email", "smtp", "ftp", "docs",
  "help", "support", "status", "health", "metrics", "dashboard", "platform", "maart", "localhost",
  "root", "system", "billing", "checkout", "account", "login", "signup", "register", "blog", "dev",
  "test", "staging", "internal",
])

const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

export type HandleProblem = "HANDLE_INVALID" | "HANDLE_RESERVED"

/** Lower-cases and trims; what the vendor typed is kept otherwise. */
export const normalizeHandle = (handle: string) => handle.trim().toLowerCase()

/** Why a (normalized) handle cannot be used, or null when it can. */
export function handleProblem(handle: string): HandleProblem | null {
  if (handle.length < 2 || !HANDLE_PATTERN.test(handle) || handle.includes("--")) {
    return "HANDLE_INVALID"
  }
  return RESERVED_HANDLES.has(handle) ? "HANDLE_RESERVED" : null
}

/** A host as browsers send it, reduced to the name we store: no port, no trailing dot, lower case. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase()
  if (h.startsWith("[")) {
    return h // IPv6 literal: never a shop
  }
  h = h.replace(/:\d+$/, "").replace(/\.+$/, "")
  return h
}
