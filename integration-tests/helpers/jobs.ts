import type { AxiosInstance } from "axios"

type Headers = { headers: Record<string, string> }

const DONE = ["succeeded", "partially_succeeded", "failed", "cancelled"]

/** Polls a background job (GET `url` answers `{ [key]: job }`) until it is over; returns it. */
export async function waitForJob(api: AxiosInstance, url: string, key: string, headers: Headers, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = (await api.get(url, headers)).data[key]
    if (DONE.includes(job.status)) return job
    if (Date.now() > deadline) throw new Error(`${url} still ${job.status} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** POST /admin/marketplace/publish (202 with the job), then the finished job. */
export async function publishAndWait(api: AxiosInstance, body: object, headers: Headers) {
  const res = await api.post("/admin/marketplace/publish", body, headers)
  if (res.status !== 202) throw new Error(`POST /admin/marketplace/publish → ${res.status} ${JSON.stringify(res.data)}`)
  return waitForJob(api, `/admin/marketplace/publish-jobs/${res.data.publish_job.id}`, "publish_job", headers)
}

/** What a finished publish job says it did, in the shape the synchronous route used to answer. */
export const published = (job: { created: number; updated: number; published_items: number; skipped: unknown[] }) => ({
  created: job.created,
  updated: job.updated,
  published_items: job.published_items,
  skipped: job.skipped,
})
