import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TENANCY_MODULE } from "../../../src/modules/tenancy"
import type TenancyModuleService from "../../../src/modules/tenancy/service"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("seeds the platform and two demo shops once, each selling only its own catalog", async () => {
      await seedPlatform(getContainer(), { demoVendorPassword: "demo-owner-1" })
      await seedPlatform(getContainer(), { demoVendorPassword: "demo-owner-1" }) // second run: no duplicates

      const admin = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      const { data } = await api.get("/admin/vendors?order=handle", admin)
      expect(data.vendors.map((v: any) => [v.handle, v.status, v.domains.map((d: any) => d.hostname)])).toEqual([
        ["lumiere", "active", ["lumiere.localhost"]],
        ["velo", "active", ["velo.localhost"]],
      ])
      const stores = await api.get("/admin/stores", admin)
      expect(stores.data.stores[0].name).toBe("Maart")

      const catalogs: Record<string, string[]> = {}
      for (const vendor of data.vendors) {
        const shop = await api.get("/store/vendors/resolve?host=" + vendor.handle + ".localhost", {
          headers: { "x-publishable-api-key": vendor.api_key.token },
        })
        const products = await api.get("/store/products?limit=50&fields=title,*variants.calculated_price", {
          headers: { "x-publishable-api-key": shop.data.vendor.publishable_key },
          params: { region_id: stores.data.stores[0].default_region_id },
        })
        catalogs[vendor.handle] = products.data.products.map((p: any) => p.title).sort()
        expect(products.data.count).toBe(5)
      }
      expect(catalogs.lumiere).toContain("Vase en grès")
      expect(catalogs.velo).toContain("Pompe à pied")
      expect(catalogs.lumiere.filter((t) => catalogs.velo.includes(t))).toEqual([])

      // Owners log in with the demo password; products are linked to their vendor with stock.
      await adminHeaders(api, "owner@lumiere.localhost", "demo-owner-1")
      // The staff member is in both teams, with a different role in each.
      const staff = await adminHeaders(api, "staff@maart.localhost", "demo-owner-1")
      const { data: mine } = await api.get("/admin/me/vendors", staff)
      expect(mine.memberships.map((m: any) => [m.vendor.handle, m.role.name]).sort()).toEqual([["lumiere", "Editor"], ["velo", "Viewer"]])
      const query = getContainer().resolve("query")
      const { data: linked } = await query.graph({
        entity: "vendor",
        fields: ["handle", "products.id", "inventory_items.stock_locations.id"],
        filters: { handle: "velo" },
      })
      expect(linked[0].products).toHaveLength(5)
      expect(linked[0].inventory_items!.length).toBeGreaterThanOrEqual(5)
      const tenancy = getContainer().resolve<TenancyModuleService>(TENANCY_MODULE)
      expect(await tenancy.listVendors({})).toHaveLength(2)
      expect((await api.get("/store/vendors/resolve?handle=nobody", { headers: { "x-publishable-api-key": data.vendors[0].api_key.token }, ...anyStatus })).status).toBe(404)
    })
  },
})
