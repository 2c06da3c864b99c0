import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { ParsedMail } from "mailparser"
import { TEAM_MODULE } from "../../../src/modules/team"
import type TeamModuleService from "../../../src/modules/team/service"
import { resetUserPasswordsWorkflow } from "../../../src/workflows/platform-users/workflows/reset-user-passwords"
import { useMailbox } from "../../helpers/mailbox"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

/** The reset links are read from what a real SMTP server receives. */
const mailbox = useMailbox()

// A hook handler that fails on demand: the workflow then compensates.
let failHook = false
resetUserPasswordsWorkflow.hooks.passwordsReset(async () => {
  if (failHook) {
    throw new Error("hook failed")
  }
})

const OWNER_A = { email: "owner-a@maart.test", password: "owner-a-secret" }
const OWNER_B = { email: "owner-b@maart.test", password: "owner-b-secret" }

/** Waits for `n` emails (the subscriber sends them after the workflow, on the event bus). */
const mails = async (n: number) => (await mailbox.wait(n)).map((m) => m.mail)

const resetToken = (mail: ParsedMail) => {
  const match = mail.text?.match(/http:\/\/localhost:9000\/app\/reset-password\?token=([\w.%-]+)/)
  expect(match).not.toBeNull()
  return decodeURIComponent(match![1])
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    type Headers = { headers: Record<string, string> }
    let platform: Headers
    let atelier: { id: string }
    let bakery: { id: string }
    const ids: Record<string, string> = {}

    const login = (email: string, password: string) => api.post("/auth/user/emailpass", { email, password }, anyStatus)
    const send = (method: "get" | "post", url: string, headers: Headers, body?: object) =>
      method === "get" ? api.get(url, { ...headers, ...anyStatus }) : api.post(url, body ?? {}, { ...headers, ...anyStatus })

    beforeEach(async () => {
      mailbox.received.length = 0
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      // Owner A owns both shops; owner B is the second member of the bakery.
      atelier = (await api.post("/admin/vendors", { handle: "atelier", name: "Atelier", owner: OWNER_A }, platform)).data.vendor
      bakery = (await api.post("/admin/vendors", { handle: "bakery", name: "Bakery", owner: OWNER_B }, platform)).data.vendor
      await api.post("/admin/vendors", { handle: "bakery-two", name: "Bakery Two", owner: { email: OWNER_A.email } }, platform)
      const users = await getContainer().resolve(Modules.USER).listUsers({})
      for (const u of users) {
        ids[u.email] = u.id
      }
      const team = getContainer().resolve<TeamModuleService>(TEAM_MODULE)
      const [ownerRole] = await team.listTeamRoles({ vendor_id: bakery.id, key: "owner" })
      await team.createMemberships({ vendor_id: bakery.id, user_id: ids[OWNER_A.email], role_id: ownerRole.id })
    })

    describe("GET /admin/platform/users", () => {
      it("lists every user with their memberships, and filters by q, vendor and status with pagination", async () => {
        const { data } = await api.get("/admin/platform/users?order=email", platform)
        expect(data).toMatchObject({ count: 3, offset: 0, limit: 50 })
        expect(data.users.map((u: any) => u.email)).toEqual([OWNER_A.email, OWNER_B.email, PLATFORM_ADMIN.email])
        const [a, b, admin] = data.users
        expect(admin).toMatchObject({ platform_admin: true, deactivated_at: null, memberships: [] })
        expect(admin.metadata).toBeUndefined()
        expect(b).toMatchObject({ platform_admin: false, deactivated_at: null })
        expect(b.memberships).toEqual([
          { id: expect.any(String), active: true, vendor: { id: bakery.id, handle: "bakery", name: "Bakery", status: "pending" }, role: expect.objectContaining({ key: "owner", name: "Owner" }) },
        ])
        expect(a.memberships.map((m: any) => `${m.vendor.handle}:${m.role.name}:${m.active}`).sort()).toEqual([
          "atelier:Owner:true",
          "bakery-two:Owner:true",
          "bakery:Owner:true",
        ])

        const emails = async (qs: string) => {
          const res = await api.get(`/admin/platform/users?order=email&${qs}`, platform)
          return [res.data.count, res.data.users.map((u: any) => u.email)]
        }
        expect(await emails("q=owner-b")).toEqual([1, [OWNER_B.email]])
        expect(await emails(`vendor_id=${atelier.id}`)).toEqual([1, [OWNER_A.email]])
        expect(await emails(`vendor_id=${bakery.id}`)).toEqual([2, [OWNER_A.email, OWNER_B.email]])
        expect(await emails("vendor_id=ven_unknown")).toEqual([0, []])
        expect(await emails("limit=1&offset=1")).toEqual([3, [OWNER_B.email]])

        await api.post(`/admin/platform/users/${ids[OWNER_B.email]}/deactivate`, {}, platform)
        expect(await emails("status=deactivated")).toEqual([1, [OWNER_B.email]])
        expect(await emails("status=active")).toEqual([2, [OWNER_A.email, PLATFORM_ADMIN.email]])
        expect(await emails(`status=active&vendor_id=${bakery.id}`)).toEqual([1, [OWNER_A.email]])
        expect((await send("get", "/admin/platform/users?status=gone", platform)).status).toBe(400)
      })

      it("refuses vendor users on every platform-user route (403 PLATFORM_ADMIN_REQUIRED)", async () => {
        const owner = await adminHeaders(api, OWNER_B.email, OWNER_B.password)
        const tries = [
          await send("get", "/admin/platform/users", owner),
          await send("post", `/admin/platform/users/${ids[OWNER_A.email]}/deactivate`, owner),
          await send("post", `/admin/platform/users/${ids[OWNER_A.email]}/activate`, owner),
          await send("post", "/admin/platform/users/password-reset", owner, { vendor_id: bakery.id }),
        ]
        expect(tries.map((r) => [r.status, r.data.code])).toEqual(Array(4).fill([403, "PLATFORM_ADMIN_REQUIRED"]))
        expect((await login(OWNER_A.email, OWNER_A.password)).status).toBe(200) // nothing happened
      })
    })

    describe("deactivate / activate", () => {
      it("locks the user out at once — existing token, refresh, login — and lets them back in on activation", async () => {
        const userId = ids[OWNER_B.email]
        await getContainer().resolve(Modules.USER).updateUsers({ id: userId, metadata: { locale: "fr" } })
        const token = await adminHeaders(api, OWNER_B.email, OWNER_B.password)
        expect((await send("get", "/admin/products", token)).status).toBe(200)

        const res = await api.post(`/admin/platform/users/${userId}/deactivate`, {}, platform)
        expect(res.data.user).toMatchObject({ id: userId, deactivated_at: expect.any(String), deactivated_by: ids[PLATFORM_ADMIN.email] })
        // Other metadata stays.
        const stored = await getContainer().resolve(Modules.USER).retrieveUser(userId)
        expect(stored.metadata).toEqual({ locale: "fr", deactivated_at: res.data.user.deactivated_at, deactivated_by: ids[PLATFORM_ADMIN.email] })

        for (const url of ["/admin/users/me", "/admin/products"]) {
          const r = await send("get", url, token)
          expect([url, r.status, r.data.code]).toEqual([url, 401, "USER_DEACTIVATED"])
        }
        for (const url of ["/auth/token/refresh", "/auth/session"]) {
          const r = await send("post", url, token)
          expect([url, r.status, r.data.code]).toEqual([url, 401, "USER_DEACTIVATED"])
        }
        const refused = await login(OWNER_B.email, OWNER_B.password)
        expect([refused.status, refused.data.code, refused.data.token]).toEqual([401, "USER_DEACTIVATED", undefined])
        // A wrong password gets the usual answer: the form does not reveal who is deactivated.
        const wrong = await login(OWNER_B.email, "not-the-password")
        expect([wrong.status, wrong.data.code]).toEqual([401, "UNAUTHORIZED"])
        // Deactivating twice keeps the first date.
        const again = await api.post(`/admin/platform/users/${userId}/deactivate`, {}, platform)
        expect(again.data.user.deactivated_at).toBe(res.data.user.deactivated_at)
        // Other users are not affected.
        expect((await login(OWNER_A.email, OWNER_A.password)).status).toBe(200)

        const activated = await api.post(`/admin/platform/users/${userId}/activate`, {}, platform)
        expect(activated.data.user).toMatchObject({ id: userId, deactivated_at: null, deactivated_by: null })
        expect((await getContainer().resolve(Modules.USER).retrieveUser(userId)).metadata).toEqual({ locale: "fr" })
        const back = await login(OWNER_B.email, OWNER_B.password)
        expect(back.status).toBe(200)
        expect((await send("get", "/admin/users/me", { headers: { authorization: `Bearer ${back.data.token}` } })).status).toBe(200)
        expect((await send("post", "/auth/token/refresh", token)).status).toBe(200)
      })

      it("refuses self-deactivation and unknown users; keeps a deactivated platform admin's flag", async () => {
        const self = await send("post", `/admin/platform/users/${ids[PLATFORM_ADMIN.email]}/deactivate`, platform)
        expect([self.status, self.data.code]).toEqual([400, "USER_SELF_DEACTIVATION"])
        expect((await send("get", "/admin/users/me", platform)).status).toBe(200)
        const unknown = await send("post", "/admin/platform/users/user_unknown/deactivate", platform)
        expect([unknown.status, unknown.data.code]).toEqual([404, "NOT_FOUND"])

        // A second platform admin can be deactivated by the first, and stays a platform admin.
        await getContainer().resolve(Modules.USER).updateUsers({ id: ids[OWNER_A.email], metadata: { platform_admin: true } })
        const res = await api.post(`/admin/platform/users/${ids[OWNER_A.email]}/deactivate`, {}, platform)
        expect(res.data.user).toMatchObject({ platform_admin: true, deactivated_at: expect.any(String) })
        const refused = await login(OWNER_A.email, OWNER_A.password)
        expect([refused.status, refused.data.code]).toEqual([401, "USER_DEACTIVATED"])
        await api.post(`/admin/platform/users/${ids[OWNER_A.email]}/activate`, {}, platform)
        expect((await getContainer().resolve(Modules.USER).retrieveUser(ids[OWNER_A.email])).metadata).toEqual({ platform_admin: true })
      })
    })

    describe("POST /admin/platform/users/password-reset", () => {
      it("by vendor: old passwords stop working, each member gets a link that sets a new one", async () => {
        const res = await api.post("/admin/platform/users/password-reset", { vendor_id: bakery.id }, platform)
        expect(res.data).toEqual({
          results: [
            { user_id: ids[OWNER_A.email], email: OWNER_A.email, status: "sent" },
            { user_id: ids[OWNER_B.email], email: OWNER_B.email, status: "sent" },
          ],
          sent: 2,
          skipped: 0,
          failed: 0,
        })
        for (const { email, password } of [OWNER_A, OWNER_B]) {
          expect((await login(email, password)).status).toBe(401)
        }
        expect((await login(PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)).status).toBe(200) // not in the vendor

        const mail = await mails(2)
        expect(mail.map((m) => m.to && !Array.isArray(m.to) && m.to.text).sort()).toEqual([OWNER_A.email, OWNER_B.email])
        for (const m of mail) {
          expect(m.subject).toBe("Set a new password for Maart")
          expect(m.text).toContain("a platform administrator has reset the passwords of your account")
        }
        // The token is in the email only, not in the stored notification.
        const tokenA = resetToken(mail.find((m) => !Array.isArray(m.to) && m.to?.text === OWNER_A.email)!)
        const stored = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: OWNER_A.email })
        expect(stored).toEqual([expect.objectContaining({ template: "password-reset", data: { actor_type: "user", forced: true } })])
        expect(JSON.stringify(stored)).not.toContain(tokenA)

        for (const m of mail) {
          const email = (m.to as { text: string }).text
          const bearer = { headers: { authorization: `Bearer ${resetToken(m)}` } }
          const update = await api.post("/auth/user/emailpass/update", { password: `new-${email}` }, { ...bearer, ...anyStatus })
          expect([email, update.status]).toEqual([email, 200])
          expect((await login(email, `new-${email}`)).status).toBe(200)
          // A link works once.
          expect((await api.post("/auth/user/emailpass/update", { password: "again-123" }, { ...bearer, ...anyStatus })).status).toBe(401)
        }
      })

      it("by ids: a deactivated user's password is replaced without a link; bad requests change nothing", async () => {
        for (const body of [{}, { vendor_id: bakery.id, user_ids: [ids[OWNER_A.email]] }, { user_ids: [] }, { all: true }]) {
          const r = await send("post", "/admin/platform/users/password-reset", platform, body)
          expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400])
        }
        const unknown = await send("post", "/admin/platform/users/password-reset", platform, { user_ids: [ids[OWNER_A.email], "user_unknown"] })
        expect([unknown.status, unknown.data.code]).toEqual([404, "NOT_FOUND"])
        const noVendor = await send("post", "/admin/platform/users/password-reset", platform, { vendor_id: "ven_unknown" })
        expect([noVendor.status, noVendor.data.code]).toEqual([404, "VENDOR_NOT_FOUND"])
        expect((await login(OWNER_A.email, OWNER_A.password)).status).toBe(200)

        await api.post(`/admin/platform/users/${ids[OWNER_B.email]}/deactivate`, {}, platform)
        const res = await api.post("/admin/platform/users/password-reset", { user_ids: [ids[OWNER_B.email], ids[OWNER_A.email]] }, platform)
        expect(res.data.results).toEqual([
          { user_id: ids[OWNER_A.email], email: OWNER_A.email, status: "sent" },
          { user_id: ids[OWNER_B.email], email: OWNER_B.email, status: "skipped", code: "USER_DEACTIVATED" },
        ])
        const mail = await mails(1)
        expect(mail.map((m) => (m.to as { text: string }).text)).toEqual([OWNER_A.email])
        await api.post(`/admin/platform/users/${ids[OWNER_B.email]}/activate`, {}, platform)
        expect((await login(OWNER_B.email, OWNER_B.password)).status).toBe(401)
      })

      it("a user whose link cannot be issued keeps the old password (failed); a failing hook restores them all", async () => {
        const auth = getContainer().resolve(Modules.AUTH)
        const original = auth.createPasswordResetToken.bind(auth)
        const spy = jest.spyOn(auth, "createPasswordResetToken").mockImplementation(async (data) => {
          if (data.entity_id === OWNER_A.email) {
            throw new Error("token store down")
          }
          return original(data)
        })
        try {
          const res = await api.post("/admin/platform/users/password-reset", { vendor_id: bakery.id }, platform)
          expect(res.data.results).toEqual([
            { user_id: ids[OWNER_A.email], email: OWNER_A.email, status: "failed", code: "PASSWORD_RESET_FAILED" },
            { user_id: ids[OWNER_B.email], email: OWNER_B.email, status: "sent" },
          ])
        } finally {
          spy.mockRestore()
        }
        expect((await login(OWNER_A.email, OWNER_A.password)).status).toBe(200)
        expect((await login(OWNER_B.email, OWNER_B.password)).status).toBe(401)
        expect((await mails(1)).map((m) => (m.to as { text: string }).text)).toEqual([OWNER_B.email])

        failHook = true
        try {
          const res = await send("post", "/admin/platform/users/password-reset", platform, { user_ids: [ids[OWNER_A.email]] })
          expect(res.status).toBe(500)
        } finally {
          failHook = false
        }
        expect((await login(OWNER_A.email, OWNER_A.password)).status).toBe(200)
      })

      it("the dashboard's own 'forgot password' sends the (unforced) link to admin users only", async () => {
        expect((await api.post("/auth/user/emailpass/reset-password", { identifier: OWNER_A.email })).status).toBe(201)
        const [mail] = await mails(1)
        expect(mail.subject).toBe("Reset your Maart password")
        const update = await api.post("/auth/user/emailpass/update", { password: "chosen-by-me" }, { headers: { authorization: `Bearer ${resetToken(mail)}` } })
        expect(update.status).toBe(200)
        expect((await login(OWNER_A.email, "chosen-by-me")).status).toBe(200)

        // A deactivated user gets no link (a new password would not let them in).
        mailbox.received.length = 0
        await api.post(`/admin/platform/users/${ids[OWNER_B.email]}/deactivate`, {}, platform)
        expect((await api.post("/auth/user/emailpass/reset-password", { identifier: OWNER_B.email })).status).toBe(201)
        expect(await mails(0)).toHaveLength(0)

        await getContainer().resolve(Modules.AUTH).register("emailpass", { body: { email: "shopper@maart.test", password: "shopper-1" } })
        expect((await api.post("/auth/customer/emailpass/reset-password", { identifier: "shopper@maart.test" })).status).toBe(201)
        expect(await mails(0)).toHaveLength(0)
      })
    })
  },
})
