export const importJobFields = [
  "id", "vendor_id", "marketplace", "source_kind", "source_url", "file_id", "file_name", "language", "status",
  "rows_done", "rows_imported", "rows_unchanged", "rows_rejected", "warnings", "gone", "bytes_read", "bytes_total",
  "encoding", "delimiter", "gzip", "run", "heartbeat_at", "started_at", "finished_at", "cancel_requested_at",
  "error_code", "error_message", "triggered_by", "created_at", "updated_at",
]
export const retrieveImportJobQueryConfig = { defaults: importJobFields, allowed: importJobFields, isList: false }
export const listImportJobQueryConfig = { ...retrieveImportJobQueryConfig, isList: true, defaultLimit: 20 }

export const importRowErrorFields = ["id", "line", "column", "code", "message", "value", "external_id", "severity"]
export const listImportRowErrorQueryConfig = { defaults: importRowErrorFields, allowed: importRowErrorFields, isList: true, defaultLimit: 50 }
