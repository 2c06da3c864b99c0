import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { TENANCY_MODULE } from ".."
import Vendor from "../models/vendor"
import VendorDomain from "../models/vendor-domain"
import TenancyModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<TenancyModuleService>({
  moduleName: TENANCY_MODULE,
  moduleModels: [Vendor, VendorDomain],
  resolve: "./src/modules/tenancy",
  moduleOptions: { platform_domain: "maart.test" },
  testSuite: ({ service }) => {
    describe("TenancyModuleService", () => {
      let acme: { id: string }

      beforeEach(async () => {
        acme = await service.createVendors({ handle: "acme", name: "Acme" })
        await service.createVendorDomains([
          { vendor_id: acme.id, hostname: "shop.acme.lu", kind: "custom", verified_at: new Date() },
          { vendor_id: acme.id, hostname: "pending.acme.lu", kind: "custom" },
        ] as any)
      })

      it("refuses a second live vendor with the same handle, and allows it again after deletion", async () => {
        await expect(service.createVendors({ handle: "acme", name: "Other" })).rejects.toThrow(/handle/i)
        await service.softDeleteVendors([acme.id])
        await expect(service.createVendors({ handle: "acme", name: "Acme again" })).resolves.toMatchObject({ handle: "acme" })
      })

      it("refuses a host name two vendors would share", async () => {
        const other = await service.createVendors({ handle: "other", name: "Other" })
        await expect(
          service.createVendorDomains({ vendor_id: other.id, hostname: "shop.acme.lu" } as any)
        ).rejects.toThrow(/hostname/i)
      })

      it("matches platform subdomains, verified domains and handles", async () => {
        expect(await service.matchHost({ host: "Acme.maart.test:9000" })).toEqual({ vendor_id: acme.id, matched_by: "subdomain" })
        expect(await service.matchHost({ host: "shop.acme.lu." })).toEqual({ vendor_id: acme.id, matched_by: "domain" })
        expect(await service.matchHost({ handle: "ACME" })).toEqual({ vendor_id: acme.id, matched_by: "handle" })
      })

      it("matches nothing for unverified domains, nested subdomains, other platforms and blanks", async () => {
        for (const host of ["pending.acme.lu", "a.acme.maart.test", "acme.other.test", "maart.test", "", "[::1]:9000"]) {
          expect([host, await service.matchHost({ host })]).toEqual([host, null])
        }
        expect(await service.matchHost({ handle: "nobody" })).toBeNull()
      })

      it("deletes a vendor's domains with it", async () => {
        await service.deleteVendors([acme.id])
        expect(await service.listVendorDomains({})).toEqual([])
      })
    })
  },
})
