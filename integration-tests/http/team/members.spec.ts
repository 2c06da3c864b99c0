import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, anyStatus, createLamp, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember, asVendor } from "../../helpers/team"

jest.setTimeout(120 * 1000)

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let vendor: { id: string }
    let roles: Record<string, string>
    let ownerMembership: string

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "forge", name: "Forge", owner: { email: "owner@forge.test", password: "password-1" } }, platform)).data.vendor
      owner = await adminHeaders(api, "owner@forge.test", "password-1")
      roles = Object.fromEntries((await api.get("/admin/team/roles", owner)).data.roles.map((r: any) => [r.key, r.id]))
      ownerMembership = (await api.get("/admin/team/members", owner)).data.members[0].id
      await createLamp(api, owner, "Forge lamp", false)
    })

    describe("the four default roles", () => {
      it("are made with every vendor, with exactly the seeds' permissions", async () => {
        const { data } = await api.get("/admin/team/roles", owner)
        const byName = Object.fromEntries(data.roles.map((r: any) => [r.name, [...r.permissions].sort()]))
        expect(byName).toEqual({
          Owner: ["analytics.view", "imports.configure", "imports.trigger", "imports.view", "orders.create", "orders.edit", "orders.view", "products.create", "products.delete", "products.edit", "products.view", "settings.edit", "team.invite", "team.manage", "team.remove"],
          Manager: ["analytics.view", "imports.trigger", "imports.view", "orders.create", "orders.edit", "orders.view", "products.create", "products.edit", "products.view", "team.invite", "team.view"],
          Editor: ["imports.view", "orders.edit", "orders.view", "products.create", "products.edit", "products.view"],
          Viewer: ["imports.view", "orders.view", "products.view"],
        })
      })

      it("cannot be deleted; the Owner cannot be edited; others can", async () => {
        const del = await api.delete(`/admin/team/roles/${roles.viewer}`, { ...owner, ...anyStatus })
        const edit = await api.post(`/admin/team/roles/${roles.owner}`, { name: "Boss" }, { ...owner, ...anyStatus })
        expect([del.data.code, edit.data.code]).toEqual(["TEAM_ROLE_PROTECTED", "TEAM_ROLE_PROTECTED"])
        const manager = await api.post(`/admin/team/roles/${roles.manager}`, { permissions: ["products.view"] }, owner)
        expect(manager.data.role.permissions).toEqual(["products.view"])
      })
    })

    describe("custom roles", () => {
      it("are created, edited and deleted; names are unique; unknown permissions refused", async () => {
        const created = await api.post("/admin/team/roles", { name: "Stock keeper", permissions: ["products.view", "products.edit", "products.edit"] }, owner)
        expect([created.status, created.data.role.permissions, created.data.role.key]).toEqual([201, ["products.view", "products.edit"], null])
        const dup = await api.post("/admin/team/roles", { name: "stock KEEPER", permissions: [] }, { ...owner, ...anyStatus })
        expect([dup.status, dup.data.code]).toEqual([409, "TEAM_ROLE_NAME_TAKEN"])
        const bad = await api.post("/admin/team/roles", { name: "Bad", permissions: ["products.fly"] }, { ...owner, ...anyStatus })
        expect(bad.status).toBe(400)
        const renamed = await api.post(`/admin/team/roles/${created.data.role.id}`, { name: "Warehouse" }, owner)
        expect(renamed.data.role.name).toBe("Warehouse")
        expect((await api.delete(`/admin/team/roles/${created.data.role.id}`, owner)).data.deleted).toBe(true)
      })

      it("in use cannot be deleted", async () => {
        const { data } = await api.post("/admin/team/roles", { name: "Packer", permissions: ["orders.view"] }, owner)
        await addMember(api, getContainer(), vendor.id, "packer@x.test", data.role.id)
        const res = await api.delete(`/admin/team/roles/${data.role.id}`, { ...owner, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([409, "TEAM_ROLE_IN_USE"])
      })

      it("grant what their members may do on the next request", async () => {
        const { data } = await api.post("/admin/team/roles", { name: "Looker", permissions: ["orders.view"] }, owner)
        const looker = await addMember(api, getContainer(), vendor.id, "looker@x.test", data.role.id)
        expect((await api.get("/admin/products", { ...looker.headers, ...anyStatus })).status).toBe(403)
        await api.post(`/admin/team/roles/${data.role.id}`, { permissions: ["orders.view", "products.view"] }, owner)
        expect((await api.get("/admin/products", looker.headers)).data.count).toBe(1)
      })

      it("cannot hold more than their creator has", async () => {
        const { data } = await api.post("/admin/team/roles", { name: "Team admin", permissions: ["team.manage", "products.view"] }, owner)
        const admin = await addMember(api, getContainer(), vendor.id, "teamadmin@x.test", data.role.id)
        const res = await api.post("/admin/team/roles", { name: "Deleter", permissions: ["products.delete"] }, { ...admin.headers, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([403, "TEAM_ROLE_ABOVE_YOURS"])
      })
    })

    describe("the last Owner", () => {
      it("cannot be removed, demoted or deactivated", async () => {
        for (const [method, body] of [["delete", undefined], ["post", { role_id: roles.manager }], ["post", { active: false }]] as const) {
          const res =
            method === "delete"
              ? await api.delete(`/admin/team/members/${ownerMembership}`, { ...owner, ...anyStatus })
              : await api.post(`/admin/team/members/${ownerMembership}`, body, { ...owner, ...anyStatus })
          expect([method, res.status, res.data.code]).toEqual([method, 400, "TEAM_LAST_OWNER"])
        }
      })

      it("can step down once another Owner exists", async () => {
        const second = await addMember(api, getContainer(), vendor.id, "owner2@x.test", "owner")
        const res = await api.post(`/admin/team/members/${ownerMembership}`, { role_id: roles.viewer }, owner)
        expect(res.data.member.role.name).toBe("Viewer")
        // …and the remaining Owner is now the last one.
        const last = await api.delete(`/admin/team/members/${second.membership.id}`, { ...second.headers, ...anyStatus })
        expect(last.data.code).toBe("TEAM_LAST_OWNER")
      })

      it("survives two Owners removing each other at the same time", async () => {
        const second = await addMember(api, getContainer(), vendor.id, "owner3@x.test", "owner")
        const results = await Promise.all([
          api.delete(`/admin/team/members/${second.membership.id}`, { ...owner, ...anyStatus }),
          api.delete(`/admin/team/members/${ownerMembership}`, { ...second.headers, ...anyStatus }),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([200, 400])
        const { data } = await api.get("/admin/team/members", platformFor(vendor.id))
        expect(data.members.filter((m: any) => m.role.key === "owner" && m.active)).toHaveLength(1)
      })
    })

    const platformFor = (vendorId: string) => asVendor(platform, vendorId)

    describe("removing a member", () => {
      it("takes effect on their very next request", async () => {
        const editor = await addMember(api, getContainer(), vendor.id, "gone@x.test", "editor")
        expect((await api.get("/admin/products", editor.headers)).status).toBe(200)
        await api.delete(`/admin/team/members/${editor.membership.id}`, owner)
        const after = await api.get("/admin/products", { ...editor.headers, ...anyStatus })
        expect([after.status, after.data.code]).toEqual([400, "VENDOR_CONTEXT_REQUIRED"])
        const named = await api.get("/admin/products", { ...asVendor(editor.headers, vendor.id), ...anyStatus })
        expect([named.status, named.data.code]).toEqual([403, "VENDOR_ACCESS_DENIED"])
      })

      it("deactivating does too, and a Manager cannot remove anyone", async () => {
        const editor = await addMember(api, getContainer(), vendor.id, "paused@x.test", "editor")
        const manager = await addMember(api, getContainer(), vendor.id, "mgr@x.test", "manager")
        const byManager = await api.delete(`/admin/team/members/${editor.membership.id}`, { ...manager.headers, ...anyStatus })
        expect(byManager.data.code).toBe("PERMISSION_DENIED")
        await api.post(`/admin/team/members/${editor.membership.id}`, { active: false }, owner)
        expect((await api.get("/admin/products", { ...editor.headers, ...anyStatus })).status).toBe(400)
      })

      it("another vendor cannot touch this vendor's members", async () => {
        await api.post("/admin/vendors", { handle: "anvil", name: "Anvil", owner: { email: "owner@anvil.test", password: "password-1" } }, platform)
        const rival = await adminHeaders(api, "owner@anvil.test", "password-1")
        const res = await api.delete(`/admin/team/members/${ownerMembership}`, { ...rival, ...anyStatus })
        const role = await api.post(`/admin/team/roles/${roles.viewer}`, { permissions: [] }, { ...rival, ...anyStatus })
        expect([res.status, role.status]).toEqual([404, 404])
        expect((await api.get("/admin/team/members", rival)).data.members.map((m: any) => m.user.email)).toEqual(["owner@anvil.test"])
      })
    })

    describe("a user in two vendors", () => {
      it("switches between them per session or per request and never sees the other's data", async () => {
        // The Forge owner is also an Editor at a second shop with its own product.
        const { data } = await api.post("/admin/vendors", { handle: "smithy", name: "Smithy", owner: { email: "owner@smithy.test", password: "password-1" } }, platform)
        const smithy = await adminHeaders(api, "owner@smithy.test", "password-1")
        await createLamp(api, smithy, "Smithy lamp", false)
        await addMember(api, getContainer(), data.vendor.id, "owner@forge.test", "editor")

        const { data: mine } = await api.get("/admin/me/vendors", owner)
        expect(mine.memberships.map((m: any) => [m.vendor.handle, m.role.name]).sort()).toEqual([["forge", "Owner"], ["smithy", "Editor"]])
        expect(mine.active_vendor_id).toBeNull()

        // Per request.
        const titles = async (opts: object) => (await api.get("/admin/products?fields=title", opts)).data.products.map((p: any) => p.title)
        expect(await titles(asVendor(owner, vendor.id))).toEqual(["Forge lamp"])
        expect(await titles(asVendor(owner, data.vendor.id))).toEqual(["Smithy lamp"])
        // Permissions are those of the role in the active vendor only: an Editor at Smithy cannot delete there.
        const smithyProduct = (await api.get("/admin/products", asVendor(owner, data.vendor.id))).data.products[0].id
        const del = await api.delete(`/admin/products/${smithyProduct}`, { ...asVendor(owner, data.vendor.id), ...anyStatus })
        expect([del.status, del.data.code]).toEqual([403, "PERMISSION_DENIED"])
        expect((await api.get("/admin/team/members", { ...asVendor(owner, data.vendor.id), ...anyStatus })).status).toBe(403)

        // Per session: a dashboard session starts in the oldest membership (src/api/auth/session-vendor.ts), then switches.
        const { token } = (await api.post("/auth/user/emailpass", { email: "owner@forge.test", password: "password-1" })).data
        const login = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${token}` } })
        const cookie = { headers: { cookie: String(login.headers["set-cookie"]).split(";")[0] } }
        expect(await titles(cookie)).toEqual(["Forge lamp"])
        // A bearer client still names its vendor.
        expect((await api.get("/admin/products", { headers: { authorization: `Bearer ${token}` }, ...anyStatus })).data.code).toBe("VENDOR_CONTEXT_REQUIRED")
        const chosen = await api.post("/admin/me/vendor", { vendor_id: data.vendor.id }, cookie)
        expect(chosen.data.active_vendor_id).toBe(data.vendor.id)
        expect(await titles(cookie)).toEqual(["Smithy lamp"])
        expect((await api.get("/admin/me/vendors", cookie)).data.active_vendor_id).toBe(data.vendor.id)
        await api.post("/admin/me/vendor", { vendor_id: vendor.id }, cookie)
        expect(await titles(cookie)).toEqual(["Forge lamp"])

        // Not a vendor of theirs.
        const rivalId = (await api.post("/admin/vendors", { handle: "kiln", name: "Kiln", owner: { email: "k@kiln.test", password: "password-1" } }, platform)).data.vendor.id
        const foreign = await api.post("/admin/me/vendor", { vendor_id: rivalId }, { ...cookie, ...anyStatus })
        expect([foreign.status, foreign.data.code]).toEqual([403, "VENDOR_ACCESS_DENIED"])
      })
    })
  },
})
