import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TEAM_MODULE } from "../../../src/modules/team"
import type TeamModuleService from "../../../src/modules/team/service"
import { useMailbox } from "../../helpers/mailbox"
import { adminHeaders, anyStatus, createLamp, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(120 * 1000)

// Invitation emails go through the SMTP provider to a real SMTP server started here.
const mailbox = useMailbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: { headers: Record<string, string> }
    let owner: { headers: Record<string, string> }
    let vendor: { id: string }
    let roles: Record<string, string>

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "atelier", name: "Atelier", owner: { email: "owner@atelier.test", password: "password-1" } }, platform)).data.vendor
      owner = await adminHeaders(api, "owner@atelier.test", "password-1")
      const { data } = await api.get("/admin/team/roles", owner)
      roles = Object.fromEntries(data.roles.map((r: { key: string; id: string }) => [r.key, r.id]))
      await createLamp(api, owner, "Atelier lamp", false)
    })
    beforeEach(() => {
      mailbox.received.length = 0
    })

    const invite = (email: string, role: string, as = owner) => api.post("/admin/team/invites", { email, role_id: roles[role] }, { ...as, ...anyStatus })
    const tokenFor = (email: string) => new URL(mailbox.link(email, /\/team\/invite\?token=/)!).searchParams.get("token")!
    const accept = (token: string, headers: object = {}, body: object = {}) =>
      api.post("/admin/team/invites/accept", { token, ...body }, { ...headers, ...anyStatus })
    /** A new person: registers an email and password, accepts with the registration token. */
    const register = async (email: string, password = "viewer-pass-1") =>
      ({ headers: { authorization: `Bearer ${(await api.post("/auth/user/emailpass/register", { email, password })).data.token}` } })

    describe("done when: an Owner invites a Viewer by email, who accepts with the emailed link", () => {
      it("and can then see but not change products", async () => {
        const sent = await invite("Viewer@Example.test", "viewer")
        expect(sent.status).toBe(201)
        expect(sent.data.invite).toEqual(expect.objectContaining({ email: "viewer@example.test", status: "pending", role: expect.objectContaining({ name: "Viewer" }) }))
        expect(JSON.stringify(sent.data)).not.toMatch(/token/)

        const [mail] = mailbox.to("viewer@example.test")
        expect(mail.mail.subject).toBe("You are invited to join Atelier on Maart")
        expect(mail.mail.html).toContain("as Viewer")
        // Only the hash is stored.
        const token = tokenFor("viewer@example.test")
        const [stored] = await getContainer().resolve<TeamModuleService>(TEAM_MODULE).listTeamInvites({ id: sent.data.invite.id })
        expect(stored.token_hash).not.toContain(token)
        expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
        // 72 hours by default.
        expect(new Date(stored.expires_at).getTime() - Date.now()).toBeGreaterThan(71.9 * 3600_000)

        const accepted = await accept(token, await register("viewer@example.test"), { first_name: "Vi" })
        expect([accepted.status, accepted.data.member?.vendor_id]).toEqual([200, vendor.id])

        const viewer = await adminHeaders(api, "viewer@example.test", "viewer-pass-1")
        const products = await api.get("/admin/products", viewer)
        expect(products.data.products.map((p: { title: string }) => p.title)).toEqual(["Atelier lamp"])
        const change = await api.post(`/admin/products/${products.data.products[0].id}`, { title: "Mine now" }, { ...viewer, ...anyStatus })
        expect([change.status, change.data.code, change.data.details]).toEqual([403, "PERMISSION_DENIED", { permission: "products.edit" }])
        const create = await createLamp(api, { ...viewer, ...anyStatus }, "x", false)
        expect(create).toBeUndefined()

        const { data: team } = await api.get("/admin/team/members", owner)
        expect(team.members.map((m: any) => [m.user.email, m.role.name]).sort()).toEqual([
          ["owner@atelier.test", "Owner"],
          ["viewer@example.test", "Viewer"],
        ])
        expect((await api.get("/admin/team/invites?status=accepted", owner)).data.invites[0].status).toBe("accepted")
      })
    })

    describe("an existing user", () => {
      it("joins with the invited role, keeping their password", async () => {
        await api.post("/admin/vendors", { handle: "other", name: "Other", owner: { email: "both@x.test", password: "both-pass-1" } }, platform)
        await invite("both@x.test", "editor")
        const both = await adminHeaders(api, "both@x.test", "both-pass-1")
        const res = await accept(tokenFor("both@x.test"), both)
        expect(res.status).toBe(200)
        const { data } = await api.get("/admin/me/vendors", both)
        expect(data.memberships.map((m: any) => [m.vendor.handle, m.role.name]).sort()).toEqual([
          ["atelier", "Editor"],
          ["other", "Owner"],
        ])
      })
    })

    describe("refused tokens, each with its own code", () => {
      it("a wrong token", async () => {
        const res = await accept("not-a-real-token-at-all", await register("nobody@x.test"))
        expect([res.status, res.data.code]).toEqual([404, "INVITE_NOT_FOUND"])
      })

      it("a used token", async () => {
        await invite("once@x.test", "viewer")
        const token = tokenFor("once@x.test")
        const identity = await register("once@x.test")
        expect((await accept(token, identity)).status).toBe(200)
        const again = await accept(token, await adminHeaders(api, "once@x.test", "viewer-pass-1"))
        expect([again.status, again.data.code]).toEqual([400, "INVITE_USED"])
      })

      it("a revoked token", async () => {
        const { data } = await invite("revoked@x.test", "viewer")
        const revoked = await api.delete(`/admin/team/invites/${data.invite.id}`, owner)
        expect(revoked.data.invite.status).toBe("revoked")
        const res = await accept(tokenFor("revoked@x.test"), await register("revoked@x.test"))
        expect([res.status, res.data.code]).toEqual([400, "INVITE_REVOKED"])
      })

      it("an expired token", async () => {
        const { data } = await invite("late@x.test", "viewer")
        await getContainer().resolve<TeamModuleService>(TEAM_MODULE).updateTeamInvites({ id: data.invite.id, expires_at: new Date(Date.now() - 1000) })
        const res = await accept(tokenFor("late@x.test"), await register("late@x.test"))
        expect([res.status, res.data.code]).toEqual([400, "INVITE_EXPIRED"])
        expect((await api.get("/admin/team/invites?status=expired", owner)).data.invites.map((i: any) => i.email)).toEqual(["late@x.test"])
      })

      it("a token sent to another email", async () => {
        await invite("right@x.test", "viewer")
        const res = await accept(tokenFor("right@x.test"), await register("wrong@x.test"))
        expect([res.status, res.data.code]).toEqual([403, "INVITE_EMAIL_MISMATCH"])
      })

      it("no identity at all", async () => {
        await invite("anon@x.test", "viewer")
        const res = await accept(tokenFor("anon@x.test"))
        expect(res.status).toBe(401)
      })
    })

    describe("resending", () => {
      it("rotates the token: the old link stops working, the new one works", async () => {
        const { data } = await invite("again@x.test", "viewer")
        const first = tokenFor("again@x.test")
        const resent = await api.post(`/admin/team/invites/${data.invite.id}/resend`, {}, owner)
        expect(resent.data.invite.status).toBe("pending")
        const second = tokenFor("again@x.test")
        expect(second).not.toEqual(first)
        expect(mailbox.to("again@x.test")).toHaveLength(2)
        const identity = await register("again@x.test")
        expect((await accept(first, identity)).data.code).toBe("INVITE_NOT_FOUND")
        expect((await accept(second, identity)).status).toBe(200)
      })

      it("a retried invitation does not send a second one", async () => {
        await invite("twice@x.test", "viewer")
        const again = await invite("twice@x.test", "viewer")
        expect([again.status, again.data.code]).toEqual([409, "INVITE_PENDING"])
        expect(mailbox.to("twice@x.test")).toHaveLength(1)
      })
    })

    describe("who may invite whom", () => {
      it("a Manager invites, but not into a role above their own", async () => {
        const manager = await addMember(api, getContainer(), vendor.id, "manager@x.test", "manager")
        expect((await invite("ed@x.test", "editor", manager.headers)).status).toBe(201)
        const up = await invite("boss@x.test", "owner", manager.headers)
        expect([up.status, up.data.code]).toEqual([403, "TEAM_ROLE_ABOVE_YOURS"])
      })

      it("an Editor cannot invite, or see the team", async () => {
        const editor = await addMember(api, getContainer(), vendor.id, "editor@x.test", "editor")
        expect((await invite("x@x.test", "viewer", editor.headers)).data.code).toBe("PERMISSION_DENIED")
        expect((await api.get("/admin/team/members", { ...editor.headers, ...anyStatus })).status).toBe(403)
      })

      it("another vendor's owner cannot revoke or resend this vendor's invitation", async () => {
        const { data } = await invite("mine@x.test", "viewer")
        await api.post("/admin/vendors", { handle: "rival", name: "Rival", owner: { email: "rival@x.test", password: "password-1" } }, platform)
        const rival = await adminHeaders(api, "rival@x.test", "password-1")
        const revoke = await api.delete(`/admin/team/invites/${data.invite.id}`, { ...rival, ...anyStatus })
        const resend = await api.post(`/admin/team/invites/${data.invite.id}/resend`, {}, { ...rival, ...anyStatus })
        expect([revoke.status, resend.status]).toEqual([404, 404])
        expect((await api.get("/admin/team/invites", rival)).data.invites).toEqual([])
      })
    })
  },
})
