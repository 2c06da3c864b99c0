import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TENANCY_MODULE } from "../../../src/modules/tenancy"
import { TEAM_MODULE } from "../../../src/modules/team"
import type TeamModuleService from "../../../src/modules/team/service"
import type TenancyModuleService from "../../../src/modules/tenancy/service"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(120 * 1000)

const acme = (overrides: Record<string, unknown> = {}) => ({
  handle: "Acme",
  name: "Acme Lëtzebuerg",
  email: "hello@acme.lu",
  owner: { email: "owner@acme.lu", password: "owner-secret-1", first_name: "Anna" },
  ...overrides,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      await seedPlatform(getContainer())
      admin = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
    })

    describe("POST /admin/vendors (provisioning)", () => {
      it("creates the vendor's whole shop and an owner who can log in", async () => {
        const res = await api.post("/admin/vendors", acme(), admin)
        expect(res.status).toBe(201)
        const { vendor } = res.data
        expect(vendor).toMatchObject({ handle: "acme", name: "Acme Lëtzebuerg", status: "pending" })
        expect(vendor.sales_channel.id).toMatch(/^sc_/)
        expect(vendor.api_key.token).toMatch(/^pk_/)
        expect(vendor.stock_locations).toHaveLength(1)

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [location],
        } = await query.graph({
          entity: "stock_location",
          fields: ["sales_channels.id", "fulfillment_sets.service_zones.geo_zones.country_code", "fulfillment_sets.service_zones.shipping_options.name"],
          filters: { id: vendor.stock_locations[0].id },
        })
        expect(location.sales_channels!.map((s: any) => s.id)).toEqual([vendor.sales_channel.id])
        const zone = location.fulfillment_sets![0]!.service_zones[0]
        expect(zone.geo_zones.map((g: any) => g.country_code)).toEqual(["lu"])
        expect(zone.shipping_options.map((o: any) => o.name)).toEqual(["Standard delivery"])

        const {
          data: [key],
        } = await query.graph({ entity: "api_key", fields: ["sales_channels.id"], filters: { id: vendor.api_key.id } })
        expect(key.sales_channels!.map((s: any) => s.id)).toEqual([vendor.sales_channel.id])

        const owner = await adminHeaders(api, "owner@acme.lu", "owner-secret-1")
        const me = await api.get("/admin/users/me", owner)
        const team = getContainer().resolve<TeamModuleService>(TEAM_MODULE)
        const memberships = await team.listMemberships({ vendor_id: vendor.id }, { relations: ["role"] })
        expect(memberships).toEqual([expect.objectContaining({ user_id: me.data.user.id, active: true, role: expect.objectContaining({ key: "owner", name: "Owner" }) })])
        const roles = await team.listTeamRoles({ vendor_id: vendor.id })
        expect(roles.map((r) => r.key).sort()).toEqual(["editor", "manager", "owner", "viewer"])
      })

      it("reuses an existing user as the owner of a second vendor", async () => {
        await api.post("/admin/vendors", acme(), admin)
        const res = await api.post("/admin/vendors", acme({ handle: "acme-two", owner: { email: "OWNER@acme.lu" } }), admin)
        expect(res.status).toBe(201)
        const users = await getContainer().resolve(Modules.USER).listUsers({ email: "owner@acme.lu" })
        expect(users).toHaveLength(1)
        const memberships = await getContainer().resolve<TeamModuleService>(TEAM_MODULE).listMemberships({ user_id: users[0].id })
        expect(memberships).toHaveLength(2)
      })

      it.each([
        ["a taken handle", "ACME", 409, "VENDOR_HANDLE_TAKEN"],
        ["a reserved handle", "admin", 400, "VENDOR_HANDLE_RESERVED"],
        ["a malformed handle", "-acme_", 400, "VENDOR_HANDLE_INVALID"],
        ["a one-letter handle", "a", 400, "VENDOR_HANDLE_INVALID"],
      ])("refuses %s with a clear code", async (_, handle, status, code) => {
        await api.post("/admin/vendors", acme(), admin)
        const res = await api.post("/admin/vendors", acme({ handle, owner: { email: "x@y.lu", password: "password-1" } }), {
          ...admin,
          ...anyStatus,
        })
        expect(res.status).toBe(status)
        expect(res.data).toMatchObject({ code, request_id: expect.any(String) })
        expect(await getContainer().resolve<TenancyModuleService>(TENANCY_MODULE).listVendors({})).toHaveLength(1)
      })

      it("refuses a new owner without a password, and unknown fields", async () => {
        const noPassword = await api.post("/admin/vendors", acme({ owner: { email: "new@acme.lu" } }), { ...admin, ...anyStatus })
        expect(noPassword.status).toBe(400)
        expect(noPassword.data.code).toBe("VENDOR_OWNER_PASSWORD_REQUIRED")
        const extra = await api.post("/admin/vendors", acme({ sales_channel_id: "sc_other" }), { ...admin, ...anyStatus })
        expect(extra.status).toBe(400)
        expect(extra.data.code).toBe("INVALID_DATA")
      })
    })

    describe("nothing is left behind when a step fails", () => {
      const failurePoints: [string, string, string][] = [
        ["the vendor", TENANCY_MODULE, "createVendors"],
        ["the owner user", Modules.USER, "createUsers"],
        ["the sales channel", Modules.SALES_CHANNEL, "createSalesChannels"],
        ["the publishable key", Modules.API_KEY, "createApiKeys"],
        ["the stock location", Modules.STOCK_LOCATION, "createStockLocations"],
        ["the fulfillment set", Modules.FULFILLMENT, "createFulfillmentSets"],
        ["the shipping option", Modules.FULFILLMENT, "upsertShippingOptions"],
        ["the shipping prices", Modules.PRICING, "createPriceSets"],
        ["the default roles", TEAM_MODULE, "createTeamRoles"],
        ["the membership", TEAM_MODULE, "createMemberships"],
        ["the links", ContainerRegistrationKeys.LINK, "create"],
      ]

      async function leftovers() {
        const c = getContainer()
        const query = c.resolve(ContainerRegistrationKeys.QUERY)
        const count = async (entity: string, filters: Record<string, unknown> = {}) =>
          (await query.graph({ entity, fields: ["id"], filters })).data.length
        return {
          vendors: await count("vendor"),
          memberships: await count("membership"),
          roles: await count("team_role"),
          users: (await c.resolve(Modules.USER).listUsers({ email: "owner@acme.lu" })).length,
          auth_identities: (await c.resolve(Modules.AUTH).listProviderIdentities({ entity_id: "owner@acme.lu" })).length,
          sales_channels: await count("sales_channel", { name: "Acme Lëtzebuerg" }),
          api_keys: await count("api_key", { title: "Acme Lëtzebuerg storefront" }),
          stock_locations: await count("stock_location", { name: "Acme Lëtzebuerg warehouse" }),
          fulfillment_sets: await count("fulfillment_set", { name: "acme shipping" }),
          shipping_options: await count("shipping_option", { name: "Standard delivery" }),
        }
      }

      it.each(failurePoints)("when creating %s fails", async (_, moduleKey, method) => {
        const before = await leftovers()
        const service = getContainer().resolve(moduleKey) as Record<string, any>
        const spy = jest.spyOn(service, method).mockRejectedValueOnce(new Error(`injected failure in ${method}`))
        try {
          const res = await api.post("/admin/vendors", acme(), { ...admin, ...anyStatus })
          expect(res.status).toBe(500)
          expect(spy).toHaveBeenCalled()
        } finally {
          spy.mockRestore()
        }
        expect(await leftovers()).toEqual(before)
        // …and the same request then succeeds: nothing half-made blocks it.
        const retry = await api.post("/admin/vendors", acme(), admin)
        expect(retry.status).toBe(201)
      })
    })

    describe("GET /admin/vendors", () => {
      beforeEach(async () => {
        for (const [handle, name] of [["alpha", "Alpha Bikes"], ["beta", "Beta Books"], ["gamma", "Gamma Games"]]) {
          await api.post("/admin/vendors", acme({ handle, name, owner: { email: `${handle}@shop.lu`, password: "password-1" } }), admin)
        }
        const [beta] = await getContainer().resolve<TenancyModuleService>(TENANCY_MODULE).listVendors({ handle: "beta" })
        await api.post(`/admin/vendors/${beta.id}/suspend`, {}, admin)
      })

      it("paginates with a correct count", async () => {
        const res = await api.get("/admin/vendors?limit=2&order=handle", admin)
        expect(res.data.count).toBe(3)
        expect(res.data.vendors.map((v: any) => v.handle)).toEqual(["alpha", "beta"])
        const next = await api.get("/admin/vendors?limit=2&offset=2&order=handle", admin)
        expect(next.data.vendors.map((v: any) => v.handle)).toEqual(["gamma"])
      })

      it("searches and filters by status", async () => {
        const found = await api.get("/admin/vendors?q=books", admin)
        expect(found.data.vendors.map((v: any) => v.handle)).toEqual(["beta"])
        const suspended = await api.get("/admin/vendors?status=suspended", admin)
        expect(suspended.data.vendors.map((v: any) => v.handle)).toEqual(["beta"])
        const open = await api.get("/admin/vendors?status[]=pending&status[]=active&order=handle", admin)
        expect(open.data.vendors.map((v: any) => v.handle)).toEqual(["alpha", "gamma"])
      })
    })

    describe("one vendor", () => {
      let id: string
      beforeEach(async () => {
        id = (await api.post("/admin/vendors", acme(), admin)).data.vendor.id
      })

      it("is read, updated, verified, suspended and activated", async () => {
        expect((await api.get(`/admin/vendors/${id}`, admin)).data.vendor.handle).toBe("acme")
        const updated = await api.post(`/admin/vendors/${id}`, { name: "Acme S.à r.l.", handle: "acme-lux" }, admin)
        expect(updated.data.vendor).toMatchObject({ name: "Acme S.à r.l.", handle: "acme-lux" })

        const verified = await api.post(`/admin/vendors/${id}/verify`, {}, admin)
        expect(verified.data.vendor).toMatchObject({ status: "active", verified_at: expect.any(String) })
        expect((await api.post(`/admin/vendors/${id}/suspend`, {}, admin)).data.vendor.status).toBe("suspended")
        expect((await api.post(`/admin/vendors/${id}/activate`, {}, admin)).data.vendor.status).toBe("active")
      })

      it("is deleted with its shop, keeping its owner's user; the handle is free again", async () => {
        const owner = await adminHeaders(api, "owner@acme.lu", "owner-secret-1")
        const { product } = (await api.post("/admin/products", { title: "Lamp", options: [{ title: "S", values: ["S"] }] }, owner)).data
        const res = await api.delete(`/admin/vendors/${id}`, admin)
        expect(res.data).toEqual({ id, object: "vendor", deleted: true })
        expect((await api.get(`/admin/vendors/${id}`, { ...admin, ...anyStatus })).data.code).toBe("VENDOR_NOT_FOUND")
        expect((await api.get(`/admin/products/${product.id}`, { ...admin, ...anyStatus })).status).toBe(404)
        const c = getContainer()
        expect(await c.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Acme Lëtzebuerg" })).toEqual([])
        expect(await c.resolve<TeamModuleService>(TEAM_MODULE).listMemberships({ vendor_id: id })).toEqual([])
        const [key] = await c.resolve(Modules.API_KEY).listApiKeys({ title: "Acme Lëtzebuerg storefront" })
        expect(key.revoked_at).toBeTruthy()
        expect(await c.resolve(Modules.USER).listUsers({ email: "owner@acme.lu" })).toHaveLength(1)
        expect((await api.post("/admin/vendors", acme({ owner: { email: "owner@acme.lu" } }), admin)).status).toBe(201)
      })

      it("is kept while it has orders, unless forced — and the orders stay", async () => {
        const { vendor } = (await api.get(`/admin/vendors/${id}`, admin)).data
        const [store] = await getContainer().resolve(Modules.STORE).listStores()
        const order = await getContainer().resolve(Modules.ORDER).createOrders({
          sales_channel_id: vendor.sales_channel.id,
          region_id: store.default_region_id!,
          currency_code: "eur",
          email: "buyer@x.lu",
        })
        const refused = await api.delete(`/admin/vendors/${id}`, { ...admin, ...anyStatus })
        expect([refused.status, refused.data.code, refused.data.details]).toEqual([409, "VENDOR_HAS_ORDERS", { orders: 1 }])
        expect((await api.delete(`/admin/vendors/${id}?force=true`, admin)).data.deleted).toBe(true)
        expect(await getContainer().resolve(Modules.ORDER).listOrders({ id: order.id })).toHaveLength(1)
      })

      it("is restored whole when a deletion step fails", async () => {
        const tenancy = getContainer().resolve<TenancyModuleService>(TENANCY_MODULE)
        const spy = jest.spyOn(tenancy, "softDeleteVendors").mockRejectedValueOnce(new Error("injected failure"))
        try {
          expect((await api.delete(`/admin/vendors/${id}`, { ...admin, ...anyStatus })).status).toBe(500)
        } finally {
          spy.mockRestore()
        }
        const { vendor } = (await api.get(`/admin/vendors/${id}`, admin)).data
        expect(vendor.sales_channel?.id).toMatch(/^sc_/)
        expect(vendor.stock_locations).toHaveLength(1)
        const team = getContainer().resolve<TeamModuleService>(TEAM_MODULE)
        expect(await team.listMemberships({ vendor_id: id })).toHaveLength(1)
        expect(await team.listTeamRoles({ vendor_id: id })).toHaveLength(4)
      })

      it("answers 404 VENDOR_NOT_FOUND for an unknown id and an unknown action", async () => {
        const res = await api.get("/admin/vendors/ven_missing", { ...admin, ...anyStatus })
        expect(res.status).toBe(404)
        expect(res.data.code).toBe("VENDOR_NOT_FOUND")
        const action = await api.post(`/admin/vendors/${id}/explode`, {}, { ...admin, ...anyStatus })
        expect(action.status).toBe(404)
      })

      it("cannot be escaped by an owner flagging itself platform admin", async () => {
        const owner = await adminHeaders(api, "owner@acme.lu", "owner-secret-1")
        const me = (await api.get("/admin/users/me", owner)).data.user
        const res = await api.post(`/admin/users/${me.id}`, { metadata: { platform_admin: true } }, { ...owner, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([403, "PLATFORM_ADMIN_REQUIRED"])
        const invite = await api.post("/admin/invites", { email: "x@acme.lu", metadata: { platform_admin: true } }, { ...owner, ...anyStatus })
        expect(invite.status).toBe(403)
        expect((await api.get("/admin/vendors", { ...owner, ...anyStatus })).status).toBe(403)
        // A platform admin may grant it.
        const granted = await api.post(`/admin/users/${me.id}`, { metadata: { platform_admin: true } }, admin)
        expect(granted.status).toBe(200)
        expect((await api.get("/admin/vendors", owner)).status).toBe(200)
      })

      it("is platform-only: the vendor's own owner gets 403, anonymous 401", async () => {
        const owner = await adminHeaders(api, "owner@acme.lu", "owner-secret-1")
        for (const [method, path] of [
          ["get", "/admin/vendors"],
          ["get", `/admin/vendors/${id}`],
          ["post", `/admin/vendors/${id}`],
          ["post", `/admin/vendors/${id}/activate`],
          ["post", "/admin/vendors"],
        ] as const) {
          const asOwner = await (api as any)[method](path, ...(method === "post" ? [{}] : []), { ...owner, ...anyStatus })
          expect([path, asOwner.status, asOwner.data.code]).toEqual([path, 403, "PLATFORM_ADMIN_REQUIRED"])
          const anonymous = await (api as any)[method](path, ...(method === "post" ? [{}] : []), anyStatus)
          expect([path, anonymous.status]).toEqual([path, 401])
        }
      })
    })
  },
})
