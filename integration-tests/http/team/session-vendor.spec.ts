import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(120 * 1000)

/**
 * A dashboard session starts with an active vendor (src/api/auth/session-vendor.ts): a member of two vendors
 * reaches the dashboard's first requests with the older membership active, switches with POST /admin/me/vendor,
 * and keeps that choice when the session is renewed; bearer clients still name the vendor.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let first: { id: string }
    let second: { id: string }

    /** Signs in as the dashboard does: a token, then a session cookie (on an existing cookie when given). */
    const session = async (email: string, cookie?: string) => {
      const { token } = (await api.post("/auth/user/emailpass", { email, password: "password-1" })).data
      const res = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${token}`, ...(cookie ? { cookie } : {}) } })
      const set = res.headers["set-cookie"]?.[0]?.split(";")[0]
      return { headers: { cookie: set ?? cookie! } }
    }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      first = (await api.post("/admin/vendors", { handle: "ember", name: "Ember", owner: { email: "owner@ember.test", password: "password-1" } }, platform)).data.vendor
      second = (await api.post("/admin/vendors", { handle: "frost", name: "Frost", owner: { email: "owner@frost.test", password: "password-1" } }, platform)).data.vendor
      await addMember(api, getContainer(), first.id, "both@ember.test", "editor")
      await addMember(api, getContainer(), second.id, "both@ember.test", "viewer")
    })

    it("a member of two vendors starts with the older membership and the dashboard's first requests succeed", async () => {
      const dashboard = await session("both@ember.test")
      expect((await api.get("/admin/me/vendors", dashboard)).data.active_vendor_id).toBe(first.id)
      expect((await api.get("/admin/stores", { ...dashboard, ...anyStatus })).status).toBe(200)
      expect((await api.get("/admin/layouts/sidebar/configuration", { ...dashboard, ...anyStatus })).status).toBe(200)

      // A bearer client without a choice is still asked to make one.
      const { token } = (await api.post("/auth/user/emailpass", { email: "both@ember.test", password: "password-1" })).data
      const bearer = await api.get("/admin/stores", { headers: { authorization: `Bearer ${token}` }, ...anyStatus })
      expect(bearer.status).toBe(400)
      expect(bearer.data.code).toBe("VENDOR_CONTEXT_REQUIRED")
    })

    it("keeps the user's own switch when the session is renewed, and drops another user's choice", async () => {
      const dashboard = await session("both@ember.test")
      await api.post("/admin/me/vendor", { vendor_id: second.id }, dashboard)
      const renewed = await session("both@ember.test", dashboard.headers.cookie)
      expect((await api.get("/admin/me/vendors", renewed)).data.active_vendor_id).toBe(second.id)

      // The Ember owner signs in on the same browser session without signing out: Frost is not theirs.
      const other = await session("owner@ember.test", renewed.headers.cookie)
      expect((await api.get("/admin/me/vendors", other)).data.active_vendor_id).toBe(first.id)
      expect((await api.get("/admin/products", { ...other, ...anyStatus })).status).toBe(200)
    })
  },
})
