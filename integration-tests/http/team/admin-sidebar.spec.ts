import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember, asVendor } from "../../helpers/team"

jest.setTimeout(120 * 1000)

type Headers = { headers: Record<string, string> }

/**
 * The dashboard's sidebar configuration (GET /admin/layouts/sidebar/configuration) as each role gets it:
 * sections the role cannot open are hidden, Maart's overview comes first; platform admins, and every other zone,
 * get Medusa's own answer; saving and listing layouts stay the platform's.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let vendor: { id: string }

    const hiddenOf = (body: any) =>
      Object.entries(body.default_configuration.configuration.widgets as Record<string, { hidden?: boolean }>)
        .filter(([, w]) => w.hidden)
        .map(([id]) => id)
        .sort()

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "atlas", name: "Atlas", owner: { email: "owner@atlas.test", password: "password-1" } }, platform)).data.vendor
      owner = await adminHeaders(api, "owner@atlas.test", "password-1")
    })

    it("an Owner sees every shop section, the overview first, and none of the platform's", async () => {
      const { status, data } = await api.get("/admin/layouts/sidebar/configuration", { ...owner, ...anyStatus })
      expect(status).toBe(200)
      expect(data.active_scope).toBe("default")
      expect(data.personal_configuration).toBeNull()
      expect(hiddenOf(data)).toEqual([
        "core:nav:/platform",
        "core:nav:/price-lists",
        "core:nav:/promotions",
        "nav-child:/customers:/customer-groups",
        // The stock collections list reads every collection's products across vendors.
        "nav-child:/products:/collections",
        "nav-child:/products:/product-options",
        "nav-child:/promotions:/campaigns",
      ])
      const widgets = data.default_configuration.configuration.widgets
      const sections = Object.entries(widgets as Record<string, { order?: number }>)
        .filter(([id]) => id.startsWith("core:nav:"))
        .sort(([, a], [, b]) => a.order! - b.order!)
      expect(sections[0][0]).toBe("core:nav:/dashboard")
    })

    it("a Viewer's sidebar hides the team, the overview and what needs more than viewing", async () => {
      const viewer = await addMember(api, getContainer(), vendor.id, "viewer@atlas.test", "viewer")
      const { data } = await api.get("/admin/layouts/sidebar/configuration", viewer.headers)
      const hidden = hiddenOf(data)
      expect(hidden).toEqual(expect.arrayContaining(["core:nav:/dashboard", "core:nav:/team", "core:nav:/promotions"]))
      expect(hidden).not.toContain("core:nav:/products")
      expect(hidden).not.toContain("core:nav:/orders")
      expect(hidden).not.toContain("core:nav:/vendor")
      // What the sidebar hides, the policy refuses: the team list and the stats answer 403.
      expect((await api.get("/admin/team/members", { ...viewer.headers, ...anyStatus })).status).toBe(403)
      expect((await api.get("/admin/dashboard/stats", { ...viewer.headers, ...anyStatus })).status).toBe(403)
    })

    it("follows the active vendor: a member of two shops gets the role of the one they act for", async () => {
      const other = (await api.post("/admin/vendors", { handle: "borea", name: "Borea", owner: { email: "owner@borea.test", password: "password-1" } }, platform)).data.vendor
      const both = await addMember(api, getContainer(), vendor.id, "both@atlas.test", "viewer")
      await addMember(api, getContainer(), other.id, "both@atlas.test", "manager")
      const asViewer = hiddenOf((await api.get("/admin/layouts/sidebar/configuration", asVendor(both.headers, vendor.id))).data)
      const asManager = hiddenOf((await api.get("/admin/layouts/sidebar/configuration", asVendor(both.headers, other.id))).data)
      expect(asViewer).toContain("core:nav:/team")
      expect(asManager).not.toContain("core:nav:/team")
      expect(asManager).not.toContain("core:nav:/dashboard")
    })

    it("the settings sidebar shows a member the pages whose lists the policy lets them read", async () => {
      const { status, data } = await api.get("/admin/layouts/settings.sidebar/configuration", { ...owner, ...anyStatus })
      expect(status).toBe(200)
      expect(data.default_configuration.zone).toBe("settings.sidebar")
      const pages = (ids: string[]) => ids.map((id) => id.replace("core:settings-nav:/settings/", ""))
      expect(pages(hiddenOf(data))).toEqual([
        "policies", "property-labels", "publishable-api-keys", "roles", "search", "secret-api-keys", "tax-regions", "translations", "users", "workflows",
      ])
      // What stays is readable; what is hidden is refused.
      for (const [route, expected] of [["/admin/stores", 200], ["/admin/stock-locations", 200], ["/admin/regions", 200], ["/admin/users", 403], ["/admin/tax-regions", 403], ["/admin/api-keys", 403]] as const) {
        expect([route, (await api.get(route, { ...owner, ...anyStatus })).status]).toEqual([route, expected])
      }
      // Platform admins keep Medusa's own settings layout.
      const admin = await api.get("/admin/layouts/settings.sidebar/configuration", platform)
      expect(admin.data.default_configuration?.id).not.toBe("maart_vendor_settings_sidebar")
    })

    it("platform admins and other zones get Medusa's stored layouts; vendors cannot save layouts", async () => {
      const { status, data } = await api.get("/admin/layouts/sidebar/configuration", platform)
      expect(status).toBe(200)
      expect(data.default_configuration?.id).not.toBe("maart_vendor_sidebar")
      // Another zone: Medusa's own answer (this user's and the default layout), no 403 for the dashboard to retry.
      const list = await api.get("/admin/layouts/product.list/configuration", { ...owner, ...anyStatus })
      expect(list.status).toBe(200)
      expect(list.data.personal_configuration).toBeNull()
      const write = await api.post("/admin/layouts/sidebar/configuration", { configuration: { widgets: {} } }, { ...owner, ...anyStatus })
      expect(write.status).toBe(403)
      expect((await api.get("/admin/layouts/configurations", { ...owner, ...anyStatus })).status).toBe(403)
    })
  },
})
