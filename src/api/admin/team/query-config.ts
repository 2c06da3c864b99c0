export const teamMemberFields = [
  "id",
  "vendor_id",
  "user_id",
  "active",
  "invited_by",
  "created_at",
  "updated_at",
  "role.id",
  "role.key",
  "role.name",
  "role.permissions",
  "user.id",
  "user.email",
  "user.first_name",
  "user.last_name",
]
export const listTeamMemberQueryConfig = { defaults: teamMemberFields, allowed: teamMemberFields, isList: true, defaultLimit: 50 }

export const teamRoleFields = ["id", "vendor_id", "key", "name", "description", "permissions", "created_at", "updated_at"]
export const listTeamRoleQueryConfig = { defaults: teamRoleFields, allowed: teamRoleFields, isList: true, defaultLimit: 50 }

// Never the token hash.
export const teamInviteFields = [
  "id",
  "vendor_id",
  "email",
  "expires_at",
  "invited_by",
  "accepted_at",
  "accepted_by",
  "revoked_at",
  "created_at",
  "updated_at",
  "role.id",
  "role.name",
]
export const listTeamInviteQueryConfig = { defaults: teamInviteFields, allowed: teamInviteFields, isList: true, defaultLimit: 50 }
