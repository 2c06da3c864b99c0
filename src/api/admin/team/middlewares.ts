import { authenticate, validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listTeamInviteQueryConfig, listTeamMemberQueryConfig, listTeamRoleQueryConfig } from "./query-config"
import {
  AdminAcceptTeamInvite,
  AdminCreateTeamInvite,
  AdminCreateTeamRole,
  AdminGetTeamInvitesParams,
  AdminGetTeamMembersParams,
  AdminGetTeamRolesParams,
  AdminPreviewTeamInvite,
  AdminSetActiveVendor,
  AdminUpdateTeamMember,
  AdminUpdateTeamRole,
} from "./validators"

export const adminTeamRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/team/members",
    middlewares: [validateAndTransformQuery(AdminGetTeamMembersParams, listTeamMemberQueryConfig)],
  },
  { methods: ["POST"], matcher: "/admin/team/members/:id", middlewares: [validateAndTransformBody(AdminUpdateTeamMember)] },
  {
    methods: ["GET"],
    matcher: "/admin/team/roles",
    middlewares: [validateAndTransformQuery(AdminGetTeamRolesParams, listTeamRoleQueryConfig)],
  },
  { methods: ["POST"], matcher: "/admin/team/roles", middlewares: [validateAndTransformBody(AdminCreateTeamRole)] },
  { methods: ["POST"], matcher: "/admin/team/roles/:id", middlewares: [validateAndTransformBody(AdminUpdateTeamRole)] },
  {
    methods: ["GET"],
    matcher: "/admin/team/invites",
    middlewares: [validateAndTransformQuery(AdminGetTeamInvitesParams, listTeamInviteQueryConfig)],
  },
  { methods: ["POST"], matcher: "/admin/team/invites", middlewares: [validateAndTransformBody(AdminCreateTeamInvite)] },
  {
    methods: ["POST"],
    matcher: "/admin/team/invites/accept",
    // As Medusa's own invite acceptance: a registration token (identity without a user) is enough.
    middlewares: [authenticate("user", ["session", "bearer"], { allowUnregistered: true }), validateAndTransformBody(AdminAcceptTeamInvite)],
  },
  { methods: ["POST"], matcher: "/admin/team/invites/preview", middlewares: [validateAndTransformBody(AdminPreviewTeamInvite)] },
  { methods: ["POST"], matcher: "/admin/me/vendor", middlewares: [validateAndTransformBody(AdminSetActiveVendor)] },
]
