import { keepHeartbeat, resumeEveryMs, staleAfterMs } from "../heartbeat"

describe("job heartbeat", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it("beats four times per stale period while running, and never after it is stopped", async () => {
    const beats: number[] = []
    const stop = keepHeartbeat(async () => beats.push(Date.now()), 20_000, () => undefined)
    await jest.advanceTimersByTimeAsync(20_000)
    expect(beats).toHaveLength(4)
    stop()
    await jest.advanceTimersByTimeAsync(60_000)
    expect(beats).toHaveLength(4)
  })

  it("reports a failed beat and keeps beating", async () => {
    const errors: string[] = []
    let calls = 0
    const stop = keepHeartbeat(async () => {
      if (++calls === 1) throw new Error("database away")
    }, 4000, (e) => errors.push(e.message))
    await jest.advanceTimersByTimeAsync(3000)
    stop()
    expect([calls, errors]).toEqual([3, ["database away"]])
  })

  it("reads each kind's stale period, 120 s when unset or invalid; looks for dead jobs at most every minute", () => {
    expect([
      staleAfterMs("import", {}),
      staleAfterMs("import", { MARKETPLACE_IMPORT_STALE_SECONDS: "20" }),
      staleAfterMs("publish", { MARKETPLACE_PUBLISH_STALE_SECONDS: "-5" }),
      resumeEveryMs(20_000),
      resumeEveryMs(600_000),
    ]).toEqual([120_000, 20_000, 120_000, 10_000, 60_000])
  })
})
