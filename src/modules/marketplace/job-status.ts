/** The statuses of the marketplace's background jobs (imports and publishes), in the order they happen. */
export const JOB_STATUSES = ["queued", "running", "succeeded", "partially_succeeded", "failed", "cancelled"] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** The statuses a job ends in: it is not run again. */
const JOB_FINISHED: readonly string[] = ["succeeded", "partially_succeeded", "failed", "cancelled"]
export const isJobFinished = (status: unknown) => JOB_FINISHED.includes(String(status))
