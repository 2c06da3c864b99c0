import Medusa from "@medusajs/js-sdk"

/**
 * The Admin API client of Maart's dashboard extensions: the dashboard's own session cookie, same origin
 * (the admin is served by Medusa under /app). Custom routes go through `sdk.client.fetch`.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
