import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { TENANCY_MODULE } from "../../../src/modules/tenancy"
import type TenancyModuleService from "../../../src/modules/tenancy/service"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(120 * 1000)

// medusa-config passes PLATFORM_DOMAIN to the tenancy module when the runner loads it.
process.env.PLATFORM_DOMAIN = "maart.test"
afterAll(() => {
  delete process.env.PLATFORM_DOMAIN
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let acme: any

    beforeEach(async () => {
      const container = getContainer()
      await seedPlatform(container)
      admin = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      acme = (
        await api.post(
          "/admin/vendors",
          { handle: "acme", name: "Acme", theme: { primary_color: "#112233" }, owner: { email: "o@acme.lu", password: "password-1" } },
          admin
        )
      ).data.vendor
      await api.post(`/admin/vendors/${acme.id}/verify`, {}, admin)
      const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
      await tenancy.createVendorDomains([
        { vendor_id: acme.id, hostname: "shop.acme.lu", kind: "custom", verified_at: new Date() },
        { vendor_id: acme.id, hostname: "unverified.acme.lu", kind: "custom" },
      ] as any)
      // Any publishable key may ask which shop a host is: the storefront uses the platform's.
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": key.token } }
    })

    const resolve = (q: string) => api.get(`/store/vendors/resolve?${q}`, { ...store, ...anyStatus })

    it.each([
      ["its subdomain", "host=acme.maart.test", "subdomain"],
      ["a port, upper case and a trailing dot", "host=ACME.Maart.Test.:8000", "subdomain"],
      ["a verified custom domain", "host=shop.acme.lu", "domain"],
      ["its handle (path mode)", "handle=acme", "handle"],
    ])("finds the shop by %s", async (_, q, matchedBy) => {
      const res = await resolve(q)
      expect(res.status).toBe(200)
      expect(res.data.vendor).toEqual({
        id: acme.id,
        handle: "acme",
        name: "Acme",
        default_language: "fr",
        languages: ["fr", "de", "en"],
        theme: { primary_color: "#112233" },
        sales_channel_id: acme.sales_channel.id,
        publishable_key: acme.api_key.token,
        matched_by: matchedBy,
      })
    })

    it.each([
      ["an unknown subdomain", "host=nobody.maart.test"],
      ["a nested subdomain", "host=x.acme.maart.test"],
      ["an unverified domain", "host=unverified.acme.lu"],
      ["an unknown handle", "handle=nobody"],
    ])("answers 404 VENDOR_NOT_FOUND for %s", async (_, q) => {
      const res = await resolve(q)
      expect(res.status).toBe(404)
      expect(res.data.code).toBe("VENDOR_NOT_FOUND")
    })

    it("answers 400 without host or handle, or with both", async () => {
      expect((await resolve("")).status).toBe(400)
      expect((await resolve("host=a.maart.test&handle=a")).status).toBe(400)
    })

    it("sees a suspension at once despite the cache, and the reopening too", async () => {
      expect((await resolve("host=acme.maart.test")).status).toBe(200)
      const suspended = TestEventUtils.waitSubscribersExecution("vendor.suspended", getContainer().resolve(Modules.EVENT_BUS))
      await api.post(`/admin/vendors/${acme.id}/suspend`, {}, admin)
      await suspended
      const closed = await resolve("host=acme.maart.test")
      expect(closed.status).toBe(403)
      expect(closed.data.code).toBe("VENDOR_SUSPENDED")

      const reopened = TestEventUtils.waitSubscribersExecution("vendor.activated", getContainer().resolve(Modules.EVENT_BUS))
      await api.post(`/admin/vendors/${acme.id}/activate`, {}, admin)
      await reopened
      expect((await resolve("host=acme.maart.test")).status).toBe(200)
    })

    it("serves a custom domain once it is verified, and no longer once removed", async () => {
      const add = (hostname: string) => api.post(`/admin/vendors/${acme.id}/domains`, { hostname }, { ...admin, ...anyStatus })
      const created = await add("Boutique.Acme.LU")
      expect(created.status).toBe(201)
      const { domain, verification } = created.data
      expect(domain).toMatchObject({ hostname: "boutique.acme.lu", kind: "custom", verified_at: null })
      expect(verification).toEqual({ type: "TXT", name: "_maart-verification.boutique.acme.lu", value: domain.verification_token })
      expect((await resolve("host=boutique.acme.lu")).status).toBe(404)

      expect([(await add("boutique.acme.lu")).data.code, (await add("shop.acme.lu")).data.code]).toEqual(["VENDOR_DOMAIN_TAKEN", "VENDOR_DOMAIN_TAKEN"])
      expect((await add("not a host")).data.code).toBe("VENDOR_DOMAIN_INVALID")

      const verify = (body: object) => api.post(`/admin/vendors/${acme.id}/domains/${domain.id}/verify`, body, { ...admin, ...anyStatus })
      const unverified = await verify({}) // no TXT record can be published here
      expect([unverified.status, unverified.data.code]).toEqual([400, "VENDOR_DOMAIN_UNVERIFIED"])
      const events = getContainer().resolve(Modules.EVENT_BUS)
      let changed = TestEventUtils.waitSubscribersExecution("vendor_domain.updated", events)
      expect((await verify({ confirmed: true })).data.domain.verified_at).toBeTruthy()
      await changed
      expect((await resolve("host=boutique.acme.lu")).data.vendor.matched_by).toBe("domain")

      changed = TestEventUtils.waitSubscribersExecution("vendor_domain.deleted", events)
      await api.delete(`/admin/vendors/${acme.id}/domains/${domain.id}`, admin)
      await changed
      expect((await resolve("host=boutique.acme.lu")).status).toBe(404)
    })

    it("does not open a shop that is still pending", async () => {
      await api.post("/admin/vendors", { handle: "later", name: "Later", owner: { email: "o@later.lu", password: "password-1" } }, admin)
      expect((await resolve("handle=later")).data.code).toBe("VENDOR_NOT_FOUND")
    })
  },
})
