import { createHash, randomBytes } from "node:crypto"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { ErrorCodes, maartError } from "../../lib/errors"
import Membership from "./models/membership"
import TeamInvite from "./models/team-invite"
import TeamRole from "./models/team-role"
import { DEFAULT_ROLES } from "./permissions"

/** A fresh invitation token (what the email carries) and the hash that is stored. */
export function newInviteToken() {
  const token = randomBytes(32).toString("base64url")
  return { token, token_hash: hashInviteToken(token) }
}

/**
 * Why an invitation cannot be accepted (by this email), each with its own
 * code: unknown token, revoked, used, expired, sent to someone else.
 */
export function assertInviteUsable(
  invite: { email: string; expires_at: Date | string; accepted_at?: Date | string | null; revoked_at?: Date | string | null } | undefined,
  email?: string
): asserts invite {
  if (!invite) {
    throw maartError("NOT_FOUND", ErrorCodes.INVITE_NOT_FOUND, "This invitation link is not valid (a newer one may have been sent).")
  }
  if (invite.revoked_at) {
    throw maartError("NOT_ALLOWED", ErrorCodes.INVITE_REVOKED, "This invitation was revoked.")
  }
  if (invite.accepted_at) {
    throw maartError("NOT_ALLOWED", ErrorCodes.INVITE_USED, "This invitation has already been used.")
  }
  if (new Date(invite.expires_at) <= new Date()) {
    throw maartError("NOT_ALLOWED", ErrorCodes.INVITE_EXPIRED, "This invitation has expired: ask for a new one.")
  }
  if (email !== undefined && invite.email.toLowerCase() !== email.toLowerCase()) {
    throw maartError("FORBIDDEN", ErrorCodes.INVITE_EMAIL_MISMATCH, `This invitation was sent to another email address than ${email}.`)
  }
}

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex")

/**
 * Vendor teams: roles (permission sets), memberships (user × vendor × role) and
 * invitations. Generated CRUD from MedusaService plus the few questions the
 * team workflows ask; the rules themselves live in those workflows' steps.
 */
class TeamModuleService extends MedusaService({ Membership, TeamRole, TeamInvite }) {
  /** The four default roles of a new vendor, with exactly the seeds' permissions. */
  async createDefaultRoles(vendorId: string, sharedContext?: Context) {
    return this.createTeamRoles(
      DEFAULT_ROLES.map((r) => ({ vendor_id: vendorId, key: r.key, name: r.name, permissions: [...r.permissions] })),
      sharedContext
    )
  }

  /** A user's active memberships, each with its role's permissions. */
  async listActiveMemberships(userId: string) {
    return this.listMemberships(
      { user_id: userId, active: true },
      { relations: ["role"], select: ["id", "vendor_id", "user_id", "role.id", "role.key", "role.name", "role.permissions"] }
    )
  }

  /** How many active Owners a vendor has, not counting the given memberships. */
  @InjectManager()
  async countActiveOwners(vendorId: string, excluding: string[] = [], @MedusaContext() sharedContext: Context = {}) {
    const owners = await this.listMemberships(
      { vendor_id: vendorId, active: true, role: { key: "owner" } },
      { select: ["id"] },
      sharedContext
    )
    return owners.filter((m) => !excluding.includes(m.id)).length
  }
}

export default TeamModuleService
