import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(120 * 1000)

type Headers = { headers: Record<string, string> }

/**
 * The active vendor's own settings as its team edits them in the dashboard (GET/POST /admin/vendor and
 * /admin/vendor/domains): profile and theme, the subdomain, custom domains with their TXT record; only
 * settings.edit holders change anything, and a domain of another vendor is not found. (The runner restores
 * the database before each test: each starts from beforeAll's two vendors.)
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let otherOwner: Headers
    let vendor: { id: string }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "cedre", name: "Cèdre", owner: { email: "owner@cedre.test", password: "password-1" } }, platform)).data.vendor
      await api.post("/admin/vendors", { handle: "dune", name: "Dune", owner: { email: "owner@dune.test", password: "password-1" } }, platform)
      owner = await adminHeaders(api, "owner@cedre.test", "password-1")
      otherOwner = await adminHeaders(api, "owner@dune.test", "password-1")
    })

    it("the Owner changes the profile and theme; GET shows them with the platform subdomain", async () => {
      const theme = { primary_color: "#123456", accent_color: "#abcdef", font: "serif", logo_url: "http://localhost/logo.png" }
      const { status, data } = await api.post("/admin/vendor", { name: "Cèdre & Co", email: "hello@cedre.test", default_language: "de", languages: ["de", "fr"], theme }, owner)
      expect(status).toBe(200)
      expect(data.vendor).toMatchObject({ id: vendor.id, name: "Cèdre & Co", email: "hello@cedre.test", default_language: "de", theme })
      const { data: again } = await api.get("/admin/vendor", owner)
      expect(again.vendor).toMatchObject({ name: "Cèdre & Co", theme, subdomain: `cedre.${process.env.PLATFORM_DOMAIN || "maart.localhost"}`, domains: [] })
    })

    it("refuses a bad color, the handle and an Editor's change, with machine-readable codes", async () => {
      const badColor = await api.post("/admin/vendor", { theme: { primary_color: "red; background:url(x)" } }, { ...owner, ...anyStatus })
      expect(badColor.status).toBe(400)
      expect(badColor.data.code).toBe("INVALID_DATA")
      const handle = await api.post("/admin/vendor", { handle: "taken" }, { ...owner, ...anyStatus })
      expect(handle.status).toBe(400)
      expect(handle.data.code).toBe("INVALID_DATA")
      const editor = await addMember(api, getContainer(), vendor.id, "editor@cedre.test", "editor")
      const refused = await api.post("/admin/vendor", { name: "Hijacked" }, { ...editor.headers, ...anyStatus })
      expect(refused.status).toBe(403)
      expect(refused.data.code).toBe("PERMISSION_DENIED")
      expect((await api.post("/admin/vendor/domains", { hostname: "shop.cedre.test" }, { ...editor.headers, ...anyStatus })).status).toBe(403)
      // The Editor still reads the settings (every member does); nothing changed.
      expect((await api.get("/admin/vendor", editor.headers)).data.vendor.name).toBe("Cèdre")
    })

    it("adds a custom domain with its TXT record, keeps it unverified without DNS, and removes it; another vendor gets 404", async () => {
      const added = await api.post("/admin/vendor/domains", { hostname: "Shop.Cedre.test" }, owner)
      expect(added.status).toBe(201)
      const domain = added.data.domain
      expect(domain.hostname).toBe("shop.cedre.test")
      expect(added.data.verification).toEqual({ type: "TXT", name: "_maart-verification.shop.cedre.test", value: domain.verification_token })

      const { data } = await api.get("/admin/vendor", owner)
      expect(data.vendor.domains).toEqual([
        expect.objectContaining({ id: domain.id, hostname: "shop.cedre.test", verified_at: null, verification: added.data.verification }),
      ])

      const bad = await api.post("/admin/vendor/domains", { hostname: "not a host" }, { ...owner, ...anyStatus })
      expect(bad.status).toBe(400)
      expect(bad.data.code).toBe("VENDOR_DOMAIN_INVALID")

      // No TXT record can exist for *.test: the check fails and says which record it wanted.
      const verify = await api.post(`/admin/vendor/domains/${domain.id}/verify`, {}, { ...owner, ...anyStatus })
      expect(verify.data.code).toBe("VENDOR_DOMAIN_UNVERIFIED")
      // A vendor team cannot vouch for its own domain.
      const vouch = await api.post(`/admin/vendor/domains/${domain.id}/verify`, { confirmed: true }, { ...owner, ...anyStatus })
      expect(vouch.status).toBe(400)

      const foreign = await api.delete(`/admin/vendor/domains/${domain.id}`, { ...otherOwner, ...anyStatus })
      expect(foreign.status).toBe(404)
      expect((await api.post(`/admin/vendor/domains/${domain.id}/verify`, {}, { ...otherOwner, ...anyStatus })).status).toBe(404)

      expect((await api.delete(`/admin/vendor/domains/${domain.id}`, owner)).data).toEqual({ id: domain.id, object: "vendor_domain", deleted: true })
      expect((await api.get("/admin/vendor", owner)).data.vendor.domains).toEqual([])
    })
  },
})
