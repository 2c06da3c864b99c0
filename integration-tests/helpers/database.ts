/**
 * A uniquely named database on the test PostgreSQL (DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, as `npm test`
 * sets them), for suites that start real Maart processes of their own rather than the test runner's.
 */
export function scratchDatabase(prefix: string): { name: string; url: string } {
  const host = process.env.DB_HOST || "localhost"
  const port = process.env.DB_PORT || "5432"
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD || ""
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`
  return { name, url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${name}` }
}
