import { model } from "@medusajs/framework/utils"
import TeamRole from "./team-role"

/**
 * A user's place in a vendor's team, with one role. vendor_id and user_id are
 * plain columns: the tenancy guard looks memberships up by user on every admin
 * request. An inactive membership keeps its history but grants nothing.
 */
const Membership = model
  .define("membership", {
    id: model.id({ prefix: "mem" }).primaryKey(),
    vendor_id: model.text(),
    user_id: model.text(),
    role: model.belongsTo(() => TeamRole, { mappedBy: "memberships" }),
    invited_by: model.text().nullable(),
    active: model.boolean().default(true),
  })
  .indexes([
    { on: ["vendor_id", "user_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["user_id"], where: "deleted_at IS NULL" },
  ])

export default Membership
