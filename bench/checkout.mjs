#!/usr/bin/env node
// bench/checkout: 50 concurrent cart completions (POST /store/carts/:id/complete) on one variant.
// `npm run bench:checkout` — boots Maart on BENCH_DATABASE_URL; for each stock level (1 and 1,000) makes
// BENCH_CARTS carts of the demo shop "lumiere" ready to complete (address, its shipping option, a manual
// payment session), then fires every completion at once and reports p50/p95 latency, orders/s (orders over
// the burst's wall time), the answers by code, and the reserved quantity afterwards (never above the stock).
// A burst is one request per cart, so plain fetch is the load tool here (autocannon repeats requests).
import { ADMIN, json, login, OWNER_PASSWORD, startMaart } from "./lib/server.mjs"
import { percentile } from "./lib/stats.mjs"

const CARTS = Number(process.env.BENCH_CARTS || 50)
const STOCKS = (process.env.BENCH_STOCKS || "1,1000").split(",").map(Number)


async function main() {
  const { base, stop } = await startMaart({ port: Number(process.env.BENCH_PORT || 9100) })
  try {
    const admin = await login(base, ADMIN.email, ADMIN.password)
    const owner = await login(base, "owner@lumiere.localhost", OWNER_PASSWORD)
    const { vendors } = await json(base, "GET", "/admin/vendors?q=lumiere", null, admin)
    const vendor = vendors.find((v) => v.handle === "lumiere")
    const key = { "x-publishable-api-key": vendor.api_key.token }
    const locationId = vendor.stock_locations[0].id
    const { shipping_profiles } = await json(base, "GET", "/admin/shipping-profiles?type=default", null, admin)
    const { regions } = await json(base, "GET", "/store/regions", null, key)

    console.log(`\n${CARTS} concurrent completions per run, one variant, manual payment (pp_system_default)`)
    console.log("stock   orders  p50 ms  p95 ms  max ms  orders/s  answers                          reserved")
    for (const stock of STOCKS) {
      const { product } = await json(base, "POST", "/admin/products?fields=*variants.inventory_items", {
        title: `Bench lamp ${stock}`,
        status: "published",
        shipping_profile_id: shipping_profiles[0].id,
        options: [{ title: "Size", values: ["S"] }],
        variants: [{ title: "S", options: { Size: "S" }, manage_inventory: true, prices: [{ currency_code: "eur", amount: 10 }] }],
      }, owner)
      const variant = product.variants[0]
      const itemId = variant.inventory_items[0].inventory_item_id
      await json(base, "POST", `/admin/inventory-items/${itemId}/location-levels/${locationId}`, { stocked_quantity: stock }, owner)

      const ready = async (i) => {
        const { cart } = await json(base, "POST", "/store/carts", {
          region_id: regions[0].id,
          email: `bench${i}@example.test`,
          items: [{ variant_id: variant.id, quantity: 1 }],
          shipping_address: { first_name: "Bench", last_name: "Buyer", address_1: "1 rue", city: "Luxembourg", postal_code: "1111", country_code: regions[0].countries[0].iso_2 },
        }, key)
        const { shipping_options } = await json(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, null, key)
        await json(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, key)
        const { payment_collection } = await json(base, "POST", "/store/payment-collections", { cart_id: cart.id }, key)
        await json(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, key)
        return cart.id
      }
      const cartIds = []
      for (let i = 0; i < CARTS; i += 10) {
        cartIds.push(...(await Promise.all(Array.from({ length: Math.min(10, CARTS - i) }, (_, j) => ready(i + j)))))
      }

      const started = performance.now()
      const answers = await Promise.all(
        cartIds.map(async (id) => {
          const t0 = performance.now()
          const res = await fetch(`${base}/store/carts/${id}/complete`, { method: "POST", headers: { "content-type": "application/json", ...key }, body: "{}" })
          const data = await res.json().catch(() => ({}))
          return { ms: performance.now() - t0, answer: res.ok && data.type === "order" ? "order" : `${res.status} ${data.code ?? data.type}` }
        })
      )
      const wall = (performance.now() - started) / 1000
      const ms = answers.map((a) => a.ms).sort((x, y) => x - y)
      const orders = answers.filter((a) => a.answer === "order").length
      const byAnswer = {}
      for (const { answer } of answers) byAnswer[answer] = (byAnswer[answer] ?? 0) + 1
      const { inventory_item } = await json(base, "GET", `/admin/inventory-items/${itemId}?fields=reserved_quantity`, null, owner)
      console.log(
        [String(stock).padEnd(7), String(orders).padStart(6), percentile(ms, 50).toFixed(0).padStart(7), percentile(ms, 95).toFixed(0).padStart(7),
          ms[ms.length - 1].toFixed(0).padStart(7), (orders / wall).toFixed(1).padStart(9), "  " + JSON.stringify(byAnswer).padEnd(32),
          String(inventory_item.reserved_quantity).padStart(8)].join(" ")
      )
    }
  } finally {
    await stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
