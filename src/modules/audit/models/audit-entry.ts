import { model } from "@medusajs/framework/utils"

/**
 * One write through the Admin API by a signed-in user: who, for which vendor,
 * what, on which record, when, and how it ended. Append-only — the migration
 * adds a trigger that refuses UPDATE and DELETE. vendor_id and actor_id are
 * plain columns, not links: the log must outlive the records it names.
 */
const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    actor_type: model.text(),
    actor_id: model.text(),
    actor_email: model.text().nullable(),
    vendor_id: model.text().nullable(),
    is_platform_admin: model.boolean().default(false),
    method: model.text(),
    route: model.text(),
    path: model.text(),
    action: model.text(),
    target_id: model.text().nullable(),
    request_id: model.text(),
    status_code: model.number(),
    outcome: model.enum(["succeeded", "failed", "denied"]),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
  })
  // The platform's unfiltered list is newest first: created_at alone too.
  .indexes([{ on: ["vendor_id", "created_at"] }, { on: ["actor_id", "created_at"] }, { on: ["target_id"] }, { on: ["created_at"] }])

export default AuditEntry
