import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { runPublishJobWorkflow } from "../workflows/marketplace/workflows/run-publish-job"

/**
 * A queued publish starts where events are consumed, as a queued import does
 * (marketplace-import-job-created.ts): on a worker instance when Maart runs as
 * several, in the one process otherwise.
 */
export default async function runQueuedPublishJob({ event, container }: SubscriberArgs<{ id: string; vendor_id: string }>) {
  await runPublishJobWorkflow(container).run({ input: { job_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "marketplace.publish_job.created",
  context: { subscriberId: "maart-run-queued-publish-job" },
}
