import { Counter, Gauge, Registry } from "prom-client"
import { exposition } from "../metrics"

describe("the /metrics exposition", () => {
  it("leaves out a metric whose collect fails, with a comment, and serves every other one", async () => {
    const registry = new Registry()
    new Counter({ name: "maart_test_requests_total", help: "requests", registers: [registry] }).inc(3)
    new Gauge({
      name: "maart_test_queue_depth",
      help: "a queue in Redis",
      registers: [registry],
      async collect() {
        throw new Error("connect ECONNREFUSED 127.0.0.1:1")
      },
    })
    await expect(registry.metrics()).rejects.toThrow("ECONNREFUSED") // what the route served before: a 500
    const text = await exposition(registry)
    expect(text).toContain("maart_test_requests_total 3")
    expect(text).toContain("# maart_test_queue_depth not collected: connect ECONNREFUSED 127.0.0.1:1")
    expect(text).not.toContain("# TYPE maart_test_queue_depth")
    expect(text.endsWith("\n")).toBe(true)
  })

  it("is what registry.metrics() gives while every collect works", async () => {
    const registry = new Registry()
    new Counter({ name: "maart_test_a_total", help: "a", registers: [registry] }).inc()
    new Gauge({ name: "maart_test_b", help: "b", registers: [registry] }).set(2)
    expect(await exposition(registry)).toBe(await registry.metrics())
  })
})
