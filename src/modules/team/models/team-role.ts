import { model } from "@medusajs/framework/utils"
import Membership from "./membership"
import TeamInvite from "./team-invite"

/**
 * A vendor's role: a named set of permissions (permissions.ts). The four
 * default roles carry a `key` (owner, manager, editor, viewer) and cannot be
 * deleted; the Owner cannot be changed. Custom roles have no key.
 */
const TeamRole = model
  .define("team_role", {
    id: model.id({ prefix: "role" }).primaryKey(),
    vendor_id: model.text(),
    key: model.enum(["owner", "manager", "editor", "viewer"]).nullable(),
    name: model.text(),
    description: model.text().nullable(),
    permissions: model.array(),
    memberships: model.hasMany(() => Membership, { mappedBy: "role" }),
    invites: model.hasMany(() => TeamInvite, { mappedBy: "role" }),
  })
  .indexes([
    { on: ["vendor_id", "name"], unique: true, where: "deleted_at IS NULL" },
    { on: ["vendor_id", "key"], unique: true, where: "deleted_at IS NULL AND key IS NOT NULL" },
  ])

export default TeamRole
