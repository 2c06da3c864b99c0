import { assertProductionSecrets, envFlag, workerMode } from "../env"

describe("assertProductionSecrets", () => {
  it("refuses production without JWT_SECRET and COOKIE_SECRET, naming both", () => {
    expect(() => assertProductionSecrets({ NODE_ENV: "production" })).toThrow(
      /refuses to start in production without JWT_SECRET and COOKIE_SECRET/
    )
  })

  it("names only the missing secret and treats blank as missing", () => {
    expect(() => assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: "x".repeat(32), COOKIE_SECRET: "  " })).toThrow(
      /without COOKIE_SECRET\./
    )
  })

  it("accepts production with both secrets, and development without them", () => {
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: "a", COOKIE_SECRET: "b" })
    ).not.toThrow()
    expect(() => assertProductionSecrets({ NODE_ENV: "development" })).not.toThrow()
  })
})

describe("workerMode", () => {
  it("defaults to shared and accepts server and worker", () => {
    expect(workerMode({})).toBe("shared")
    expect(workerMode({ MEDUSA_WORKER_MODE: "server" })).toBe("server")
    expect(workerMode({ MEDUSA_WORKER_MODE: "worker" })).toBe("worker")
  })

  it("rejects an unknown mode with the allowed values", () => {
    expect(() => workerMode({ MEDUSA_WORKER_MODE: "both" })).toThrow(/shared, server, worker; got "both"/)
  })
})

describe("envFlag", () => {
  it.each([
    ["true", false, true],
    ["1", false, true],
    ["NO", true, false],
    ["off", true, false],
    [undefined, true, true],
    ["", false, false],
    ["maybe", true, true],
  ])("%p with fallback %p is %p", (value, fallback, expected) => {
    expect(envFlag(value as string | undefined, fallback)).toBe(expected)
  })
})
