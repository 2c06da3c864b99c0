import { importResumeEveryMs, importStaleAfterMs } from "../resume-interrupted-imports"

describe("when an import is taken for dead, and how often that is looked for", () => {
  it.each([
    ["unset", undefined, 120_000, 60_000],
    ["15 s (the kill -9 test)", "15", 15_000, 7_500],
    ["an hour", "3600", 3_600_000, 60_000],
    ["1 s", "1", 1_000, 1_000],
    ["not a number", "soon", 120_000, 60_000],
    ["zero", "0", 120_000, 60_000],
    ["negative", "-5", 120_000, 60_000],
  ])("MARKETPLACE_IMPORT_STALE_SECONDS %s", (_, value, staleMs, everyMs) => {
    const env = { MARKETPLACE_IMPORT_STALE_SECONDS: value }
    expect([importStaleAfterMs(env), importResumeEveryMs(env)]).toEqual([staleMs, everyMs])
  })
})
