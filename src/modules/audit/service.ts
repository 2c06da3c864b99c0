import { MedusaService } from "@medusajs/framework/utils"
import type { InferTypeOf } from "@medusajs/framework/types"
import AuditEntry from "./models/audit-entry"

/** One entry to append; `created_at` is when the request finished, not when the row is written. */
export type NewAuditEntry = Omit<InferTypeOf<typeof AuditEntry>, "id" | "updated_at" | "deleted_at">

/**
 * The audit log of Admin API writes (docs/tenancy.md, "Audit log"): `record`
 * appends an entry (the recorder, src/api/audit/recorder.ts); reads go through
 * Query or `listAndCountAuditEntries` (GET /admin/audit-log). The table is
 * append-only: the database refuses UPDATE and DELETE.
 */
class AuditModuleService extends MedusaService({ AuditEntry }) {
  async record(entry: NewAuditEntry) {
    return this.createAuditEntries(entry)
  }
}

export default AuditModuleService
