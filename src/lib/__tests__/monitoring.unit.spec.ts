import { Histogram, Registry } from "prom-client"
import { histogramQuantile, routeFigures } from "../monitoring"

describe("histogramQuantile", () => {
  it("interpolates within the bucket that holds the quantile, as PromQL's histogram_quantile does", () => {
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 0.5, count: 90 },
      { le: 1, count: 100 },
      { le: Infinity, count: 100 },
    ]
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1)
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.75)
    expect(histogramQuantile(0.95, [{ le: 0.1, count: 0 }, { le: Infinity, count: 0 }])).toBeNull()
    // Beyond the largest finite bound: that bound.
    expect(histogramQuantile(0.99, [{ le: 0.1, count: 1 }, { le: Infinity, count: 10 }])).toBe(0.1)
  })
})

describe("routeFigures", () => {
  it("sums a route's statuses: requests, 5xx, error rate and p95 from prom-client's own values", async () => {
    const histogram = new Histogram({
      name: "t_http_request_duration_seconds",
      help: "test",
      labelNames: ["method", "route", "status"],
      buckets: [0.01, 0.1, 1],
      registers: [new Registry()],
    })
    for (let i = 0; i < 18; i++) histogram.observe({ method: "GET", route: "/store/products", status: "200" }, 0.005)
    histogram.observe({ method: "GET", route: "/store/products", status: "500" }, 0.5)
    histogram.observe({ method: "GET", route: "/store/products", status: "503" }, 0.5)
    histogram.observe({ method: "POST", route: "/store/carts", status: "200" }, 0.05)

    const figures = routeFigures((await histogram.get()).values)
    const products = figures.find((r) => r.route === "/store/products")!
    expect(products).toMatchObject({ method: "GET", requests: 20, errors_5xx: 2, error_rate: 0.1 })
    // 19th of 20 (rank 19) lies in (0.1, 1]: 0.1 + 0.9 × (19 − 18) / 2 = 0.55 s.
    expect(products.p95_ms).toBeCloseTo(550)
    expect(figures.find((r) => r.route === "/store/carts")).toMatchObject({ method: "POST", requests: 1, errors_5xx: 0, error_rate: 0 })
    expect(figures).toHaveLength(2)
  })
})
