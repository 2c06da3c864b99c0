import { model } from "@medusajs/framework/utils"
import { JOB_STATUSES } from "../job-status"

/**
 * One publish of staged items into a vendor's catalog, run in the background.
 * The items are resolved when the job is made and stored in their chunks
 * (`items.chunks`), so the set is fixed; progress is written after each chunk
 * (`chunks_done`), which is where a job picked up again after its process died
 * goes on from. `skipped` maps a staged id to its reason, `failed` a chunk's
 * number to its items and error: a chunk run twice overwrites, never repeats.
 */
const PublishJob = model
  .define("publish_job", {
    id: model.id({ prefix: "pubj" }).primaryKey(),
    vendor_id: model.text(),
    status: model.enum([...JOB_STATUSES]).default("queued"),
    items: model.json(),
    chunks_done: model.number().default(0),
    items_total: model.number().default(0),
    items_done: model.number().default(0),
    created: model.number().default(0),
    updated: model.number().default(0),
    published_items: model.number().default(0),
    skipped: model.json(),
    failed: model.json(),
    run: model.number().default(0),
    heartbeat_at: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    cancel_requested_at: model.dateTime().nullable(),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
    requested_by: model.text().nullable(),
  })
  .indexes([
    { on: ["vendor_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
    // One queued or running publish per vendor: a retried request cannot start a second one.
    { name: "IDX_publish_job_vendor_id_active_unique", on: ["vendor_id"], unique: true, where: "status IN ('queued', 'running') AND deleted_at IS NULL" },
  ])

export default PublishJob
