import { model } from "@medusajs/framework/utils"
import ImportRowError from "./import-row-error"
import { JOB_STATUSES } from "../job-status"

/**
 * One run of a vendor's feed into staging: where from, how far, how it ended.
 * Progress counters are written every batch; `run` counts restarts (a job
 * picked up again after its process died re-reads the feed as run + 1).
 */
const ImportJob = model
  .define("import_job", {
    id: model.id({ prefix: "impj" }).primaryKey(),
    vendor_id: model.text(),
    marketplace: model.text().default("letzshop"),
    source_kind: model.enum(["url", "file"]),
    source_url: model.text().nullable(),
    file_id: model.text().nullable(),
    file_name: model.text().nullable(),
    language: model.text(),
    status: model.enum([...JOB_STATUSES]).default("queued"),
    rows_done: model.number().default(0),
    rows_imported: model.number().default(0),
    rows_unchanged: model.number().default(0),
    rows_rejected: model.number().default(0),
    warnings: model.number().default(0),
    bytes_read: model.bigNumber().nullable(),
    bytes_total: model.bigNumber().nullable(),
    encoding: model.text().nullable(),
    delimiter: model.text().nullable(),
    gzip: model.boolean().default(false),
    gone: model.number().default(0),
    run: model.number().default(0),
    heartbeat_at: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    cancel_requested_at: model.dateTime().nullable(),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
    triggered_by: model.text().nullable(),
    row_errors: model.hasMany(() => ImportRowError, { mappedBy: "job" }),
  })
  .indexes([
    { on: ["vendor_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
  ])

export default ImportJob
