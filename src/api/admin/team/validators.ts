import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { PERMISSIONS } from "../../../modules/team/permissions"

const Permissions = z.array(z.enum(PERMISSIONS)).transform((p) => [...new Set(p)])

export type AdminGetTeamMembersParamsType = z.infer<typeof AdminGetTeamMembersParams>
export const AdminGetTeamMembersParams = createFindParams({ limit: 50, offset: 0 }).extend({
  role_id: z.union([z.string(), z.array(z.string())]).optional(),
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
})

export type AdminUpdateTeamMemberType = z.infer<typeof AdminUpdateTeamMember>
export const AdminUpdateTeamMember = z
  .object({ role_id: z.string().optional(), active: z.boolean().optional() })
  .strict()
  .refine((b) => b.role_id !== undefined || b.active !== undefined, { message: "Give role_id or active." })

export const AdminGetTeamRolesParams = createFindParams({ limit: 50, offset: 0 })

export type AdminCreateTeamRoleType = z.infer<typeof AdminCreateTeamRole>
export const AdminCreateTeamRole = z
  .object({ name: z.string().trim().min(1).max(60), description: z.string().max(500).nullish(), permissions: Permissions })
  .strict()

export type AdminUpdateTeamRoleType = z.infer<typeof AdminUpdateTeamRole>
export const AdminUpdateTeamRole = z
  .object({ name: z.string().trim().min(1).max(60).optional(), description: z.string().max(500).nullish(), permissions: Permissions.optional() })
  .strict()

export type AdminGetTeamInvitesParamsType = z.infer<typeof AdminGetTeamInvitesParams>
export const AdminGetTeamInvitesParams = createFindParams({ limit: 50, offset: 0 }).extend({
  status: z.enum(["pending", "accepted", "revoked", "expired"]).optional(),
})

export type AdminCreateTeamInviteType = z.infer<typeof AdminCreateTeamInvite>
export const AdminCreateTeamInvite = z.object({ email: z.string().trim().email(), role_id: z.string() }).strict()

export type AdminAcceptTeamInviteType = z.infer<typeof AdminAcceptTeamInvite>
export const AdminAcceptTeamInvite = z
  .object({ token: z.string().min(10), first_name: z.string().max(100).nullish(), last_name: z.string().max(100).nullish() })
  .strict()

export type AdminSetActiveVendorType = z.infer<typeof AdminSetActiveVendor>
export const AdminSetActiveVendor = z.object({ vendor_id: z.string() }).strict()

export type AdminPreviewTeamInviteType = z.infer<typeof AdminPreviewTeamInvite>
export const AdminPreviewTeamInvite = z.object({ token: z.string().min(10) }).strict()
