import { maxBodyBytes } from "../../../lib/body-limit"
import { clientIp, trustedHops } from "../../../lib/client-ip"
import { storeLimits } from "../rate-limit"

const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { "x-forwarded-for": xff } })

describe("clientIp", () => {
  it("ignores X-Forwarded-For without TRUST_PROXY (any client can write it)", () => {
    expect(clientIp(req("::ffff:10.0.0.5", "1.2.3.4"), 0)).toBe("10.0.0.5")
  })

  it("takes the address the trusted proxy saw, not what the client claimed", () => {
    // The client sent "6.6.6.6"; nginx (the socket) appended the real peer 198.51.100.7.
    expect(clientIp(req("127.0.0.1", "6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7")
    expect(clientIp(req("127.0.0.1", "198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7")
  })

  it("falls back to the furthest address there is when the chain is shorter than the hops", () => {
    expect(clientIp(req("127.0.0.1"), 1)).toBe("127.0.0.1")
    expect(clientIp(req("127.0.0.1", "203.0.113.9"), 3)).toBe("203.0.113.9")
  })
})

describe("limits from the environment", () => {
  it("has defaults and refuses malformed values", () => {
    expect(storeLimits({})).toEqual({ perIp: 1200, perKey: 12000, windowSeconds: 60 })
    expect(storeLimits({ STORE_RATE_LIMIT_PER_IP: "0" }).perIp).toBe(0)
    expect(() => storeLimits({ STORE_RATE_LIMIT_PER_KEY: "-5" })).toThrow(/STORE_RATE_LIMIT_PER_KEY/)
    expect(() => storeLimits({ STORE_RATE_LIMIT_WINDOW_SECONDS: "0" })).toThrow(/positive/)
  })

  it("reads TRUST_PROXY as a hop count", () => {
    expect(trustedHops({})).toBe(0)
    expect(trustedHops({ TRUST_PROXY: "false" })).toBe(0)
    expect(trustedHops({ TRUST_PROXY: "true" })).toBe(1)
    expect(trustedHops({ TRUST_PROXY: "2" })).toBe(2)
    expect(() => trustedHops({ TRUST_PROXY: "loopback" })).toThrow(/TRUST_PROXY/)
  })

  it("reads MAX_UPLOAD_MB in megabytes, 100 by default", () => {
    expect(maxBodyBytes({})).toBe(100 * 1024 * 1024)
    expect(maxBodyBytes({ MAX_UPLOAD_MB: "0.5" })).toBe(512 * 1024)
    expect(() => maxBodyBytes({ MAX_UPLOAD_MB: "0" })).toThrow(/MAX_UPLOAD_MB/)
    expect(() => maxBodyBytes({ MAX_UPLOAD_MB: "ten" })).toThrow(/MAX_UPLOAD_MB/)
  })
})
