import { withProgress } from "../helpers"

describe("an import job's progress", () => {
  it("estimates the feed's rows from the rows per byte read while the job runs", () => {
    const job = withProgress({ status: "running", bytes_read: 250_000, bytes_total: 1_000_000, rows_done: 1_200 })
    expect(job).toMatchObject({ progress: 0.25, rows_total: 4_800, rows_total_estimated: true })
  })

  it("says the exact count once the job has finished, whatever the bytes say", () => {
    const job = withProgress({ status: "succeeded", bytes_read: 990_000, bytes_total: 1_000_000, rows_done: 4_731 })
    expect(job).toMatchObject({ progress: 1, rows_total: 4_731, rows_total_estimated: false })
  })

  it("has no estimate before the first rows or without the feed's size, and never less than the rows done", () => {
    expect(withProgress({ status: "running", bytes_read: 0, bytes_total: 1_000, rows_done: 0 })).toMatchObject({ progress: 0, rows_total: null, rows_total_estimated: false })
    expect(withProgress({ status: "running", bytes_read: 500, bytes_total: null, rows_done: 10 })).toMatchObject({ progress: null, rows_total: null })
    expect(withProgress({ status: "running", bytes_read: 2_000, bytes_total: 1_000, rows_done: 10 }).rows_total).toBe(10)
  })
})
