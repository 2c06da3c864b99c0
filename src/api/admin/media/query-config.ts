export const mediaFileFields = [
  "id",
  "vendor_id",
  "file_id",
  "url",
  "filename",
  "mime_type",
  "kind",
  "size",
  "alt",
  "width",
  "height",
  "uploaded_by",
  "created_at",
  "updated_at",
]
export const listMediaFileQueryConfig = { defaults: mediaFileFields, allowed: mediaFileFields, isList: true, defaultLimit: 50 }
export const retrieveMediaFileQueryConfig = { defaults: mediaFileFields, allowed: mediaFileFields, isList: false }
