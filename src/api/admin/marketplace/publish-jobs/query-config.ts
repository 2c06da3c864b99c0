const summaryFields = [
  "id", "vendor_id", "status", "items_total", "items_done", "chunks_done", "created", "updated", "published_items", "run",
  "heartbeat_at", "started_at", "finished_at", "cancel_requested_at", "error_code", "error_message", "requested_by", "created_at", "updated_at",
]
// The items left out and the chunks that failed, with their reasons: on the job itself, not in lists by default.
export const publishJobFields = [...summaryFields, "skipped", "failed"]

export const retrievePublishJobQueryConfig = { defaults: publishJobFields, allowed: publishJobFields, isList: false }
export const listPublishJobQueryConfig = { defaults: summaryFields, allowed: publishJobFields, isList: true, defaultLimit: 20 }
