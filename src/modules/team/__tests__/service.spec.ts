import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { TEAM_MODULE } from ".."
import Membership from "../models/membership"
import TeamInvite from "../models/team-invite"
import TeamRole from "../models/team-role"
import TeamModuleService, { assertInviteUsable, hashInviteToken, newInviteToken } from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<TeamModuleService>({
  moduleName: TEAM_MODULE,
  moduleModels: [TeamRole, Membership, TeamInvite],
  resolve: "./src/modules/team",
  testSuite: ({ service }) => {
    describe("TeamModuleService", () => {
      it("creates the four default roles once per vendor (one key, one name each)", async () => {
        const roles = await service.createDefaultRoles("ven_1")
        expect(roles.map((r) => r.name)).toEqual(["Owner", "Manager", "Editor", "Viewer"])
        await expect(service.createDefaultRoles("ven_1")).rejects.toThrow()
        await expect(service.createDefaultRoles("ven_2")).resolves.toHaveLength(4)
      })

      it("counts a vendor's active Owners, leaving out the memberships being changed", async () => {
        const roles = await service.createDefaultRoles("ven_1")
        const owner = roles.find((r) => r.key === "owner")!
        const viewer = roles.find((r) => r.key === "viewer")!
        const [a, b] = await service.createMemberships([
          { vendor_id: "ven_1", user_id: "user_a", role_id: owner.id },
          { vendor_id: "ven_1", user_id: "user_b", role_id: owner.id },
          { vendor_id: "ven_1", user_id: "user_c", role_id: viewer.id },
        ])
        expect(await service.countActiveOwners("ven_1")).toBe(2)
        expect(await service.countActiveOwners("ven_1", [a.id])).toBe(1)
        await service.updateMemberships({ id: b.id, active: false })
        expect(await service.countActiveOwners("ven_1", [a.id])).toBe(0)
        expect(await service.countActiveOwners("ven_2")).toBe(0)
      })

      it("lists a user's active memberships with their role's permissions", async () => {
        const [owner] = await service.createDefaultRoles("ven_1")
        await service.createMemberships({ vendor_id: "ven_1", user_id: "user_a", role_id: owner.id })
        const [m] = await service.listActiveMemberships("user_a")
        expect(m.role.permissions).toContain("team.manage")
        expect(await service.listActiveMemberships("user_b")).toEqual([])
      })

      it("refuses a second live membership of a user in one vendor", async () => {
        const [owner] = await service.createDefaultRoles("ven_1")
        await service.createMemberships({ vendor_id: "ven_1", user_id: "user_a", role_id: owner.id })
        await expect(service.createMemberships({ vendor_id: "ven_1", user_id: "user_a", role_id: owner.id })).rejects.toThrow()
      })
    })

    describe("invitation tokens", () => {
      it("are random, and only their SHA-256 is kept", () => {
        const a = newInviteToken()
        const b = newInviteToken()
        expect(a.token).not.toEqual(b.token)
        expect(a.token.length).toBeGreaterThanOrEqual(43)
        expect(a.token_hash).toBe(hashInviteToken(a.token))
        expect(a.token_hash).toMatch(/^[0-9a-f]{64}$/)
      })

      it("are refused with one code per reason", () => {
        const future = new Date(Date.now() + 60_000)
        const code = (invite: any, email?: string) => {
          try {
            assertInviteUsable(invite, email)
            return "usable"
          } catch (e) {
            return (e as { code: string }).code
          }
        }
        expect(code(undefined)).toBe("INVITE_NOT_FOUND")
        expect(code({ email: "a@x.lu", expires_at: future, revoked_at: new Date() })).toBe("INVITE_REVOKED")
        expect(code({ email: "a@x.lu", expires_at: future, accepted_at: new Date() })).toBe("INVITE_USED")
        expect(code({ email: "a@x.lu", expires_at: new Date(Date.now() - 1) })).toBe("INVITE_EXPIRED")
        expect(code({ email: "a@x.lu", expires_at: future }, "b@x.lu")).toBe("INVITE_EMAIL_MISMATCH")
        expect(code({ email: "a@x.lu", expires_at: future }, "A@X.lu")).toBe("usable")
      })
    })
  },
})
