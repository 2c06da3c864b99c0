import { handleProblem, normalizeHandle, normalizeHost } from "../handles"

describe("vendor handles", () => {
  it.each(["acme", "a1", "bike-shop", "x".repeat(63)])("accepts %p", (h) => {
    expect(handleProblem(h)).toBeNull()
  })

  it.each(["a", "-acme", "acme-", "ac--me", "ac_me", "ac.me", "Acme", "x".repeat(64), "épicerie", ""])(
    "refuses %p as invalid",
    (h) => {
      expect(handleProblem(h)).toBe("HANDLE_INVALID")
    }
  )

  it.each(["admin", "api", "app", "www", "store", "vendors"])("refuses %p as reserved", (h) => {
    expect(handleProblem(h)).toBe("HANDLE_RESERVED")
  })

  it("normalizes case and surrounding space", () => {
    expect(normalizeHandle("  AcMe ")).toBe("acme")
  })
})

describe("normalizeHost", () => {
  it.each([
    ["Acme.Maart.Test", "acme.maart.test"],
    ["acme.maart.test:8000", "acme.maart.test"],
    ["acme.maart.test.", "acme.maart.test"],
    ["ACME.maart.test.:443", "acme.maart.test"],
    [" shop.acme.lu ", "shop.acme.lu"],
  ])("%p → %p", (host, expected) => {
    expect(normalizeHost(host)).toBe(expected)
  })
})
