// The user's own columns; platform_admin, deactivated_at/by and memberships are derived (helpers.ts).
export const platformUserFields = ["id", "email", "first_name", "last_name", "avatar_url", "created_at", "updated_at"]

export const listPlatformUserQueryConfig = { defaults: platformUserFields, allowed: platformUserFields, isList: true, defaultLimit: 50 }
