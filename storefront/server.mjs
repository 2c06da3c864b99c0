// The storefront's production server: react-router-serve's setup (compression, the built assets, the React Router
// handler) plus one thing it cannot do — hand loaders the shopper's address (`context.shopperAddress`), which every
// Store API call forwards as X-Forwarded-For so the backend's per-IP limits count shoppers, not this server.
//   node server.mjs [build/server/index.js]      PORT (8000), HOST, STOREFRONT_TRUST_PROXY (see docs/storefront.md)
import path from "node:path"
import url from "node:url"
import { createRequestHandler } from "@react-router/express"
import compression from "compression"
import express from "express"

/**
 * STOREFRONT_TRUST_PROXY in Express's `trust proxy` terms: unset/false = the socket's address; true; a hop count;
 * or addresses/subnets (`loopback`, `10.0.0.0/8`, …) of the proxies in front of the storefront.
 */
function trustSetting(raw) {
  const value = (raw ?? "").trim()
  if (!value || /^(false|0)$/i.test(value)) return false
  if (/^true$/i.test(value)) return true
  if (/^[0-9]+$/.test(value)) return Number(value)
  return value.split(",").map((a) => a.trim()).filter(Boolean)
}

const serverEntry = path.resolve(process.argv[2] || "build/server/index.js")
const build = await import(url.pathToFileURL(serverEntry).href)
// The client assets next to this build (a snapshot under .serve/ serves its own, not build/client).
const clientDir = path.join(path.dirname(serverEntry), "..", "client")

const app = express()
app.disable("x-powered-by")
app.set("trust proxy", trustSetting(process.env.STOREFRONT_TRUST_PROXY))
app.use(compression())
app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }))
app.use(express.static(clientDir, { maxAge: "1h" }))
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    // req.ip honours `trust proxy`: the shopper, not a proxy in front of us.
    getLoadContext: (req) => ({ shopperAddress: (req.ip ?? "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1") || undefined }),
  })
)

const port = Number(process.env.PORT || 8000)
const onListen = () => console.log(`[storefront] http://localhost:${port}`)
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen)
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => server.close(() => process.exit(0)))
}
