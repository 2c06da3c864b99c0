import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { runImportJobWorkflow } from "../workflows/marketplace/workflows/run-import-job"

/**
 * A queued import starts where events are consumed: on a worker instance when Maart runs as several
 * (docs/runbook.md, "Several instances"), so a server that queued it can restart without stopping it;
 * in the one process otherwise.
 */
export default async function runQueuedImportJob({ event, container }: SubscriberArgs<{ id: string; vendor_id: string }>) {
  await runImportJobWorkflow(container).run({ input: { job_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "marketplace.import_job.created",
  context: { subscriberId: "maart-run-queued-import-job" },
}
