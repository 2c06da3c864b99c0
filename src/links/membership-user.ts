import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import TeamModule from "../modules/team"

/** A membership's user (read-only: the membership keeps user_id itself), for team lists with names and emails. */
export default defineLink({ linkable: TeamModule.linkable.membership, field: "user_id" }, UserModule.linkable.user, { readOnly: true })
