import { model } from "@medusajs/framework/utils"
import TeamRole from "./team-role"

/**
 * An invitation to a vendor's team. Only the SHA-256 of the emailed token is
 * kept; a resend replaces it (the old link stops working). Accepted and
 * revoked invitations stay, so their links answer with what happened to them.
 */
const TeamInvite = model
  .define("team_invite", {
    id: model.id({ prefix: "tinv" }).primaryKey(),
    vendor_id: model.text(),
    email: model.text(),
    role: model.belongsTo(() => TeamRole, { mappedBy: "invites" }),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    invited_by: model.text().nullable(),
    accepted_at: model.dateTime().nullable(),
    accepted_by: model.text().nullable(),
    revoked_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["vendor_id", "email"], where: "deleted_at IS NULL" },
  ])

export default TeamInvite
