import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/**
 * /metrics is outside /admin, so no tenancy guard runs: the route checks the
 * scrape token or the platform-admin standing itself. A session or bearer JWT is
 * read when present, never required (a scrape token is not a JWT).
 */
export const metricsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/metrics", methods: ["GET"], middlewares: [authenticate("user", ["session", "bearer"], { allowUnauthenticated: true })] },
]
