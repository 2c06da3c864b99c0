import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { VENDOR_CSV_COLUMNS } from "../../../src/workflows/tenancy/vendor-import/parse-vendor-csv"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

const line = (name: string, sub: string, email: string, password = "password-1", country = "LU") =>
  [name, sub, "Anna Schmit", email, "", "1 rue", "Luxembourg", "L-1234", country, "", password].join(",")

const CSV = [
  VENDOR_CSV_COLUMNS.join(","),
  line("Alpha", "alpha", "a@alpha.lu"),
  line("Beta", "beta", "b@beta.lu", "password-1", "Luxembourg"), // bad country
  line("Gamma", "gamma", "g@gamma.lu"),
  line("Taken", "taken", "other@x.lu"), // handle of another vendor
].join("\n")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    beforeEach(async () => {
      await seedPlatform(getContainer())
      admin = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      await api.post("/admin/vendors", { handle: "taken", name: "Taken", owner: { email: "owner@taken.lu", password: "password-1" } }, admin)
    })
    const post = (body: object) => api.post("/admin/vendors/import", body, { ...admin, ...anyStatus })
    const handles = async () => (await api.get("/admin/vendors?order=handle&fields=handle", admin)).data.vendors.map((v: any) => v.handle)

    it("dry-run reports every row and creates nothing", async () => {
      const res = await post({ csv: CSV, dry_run: true })
      expect(res.status).toBe(200)
      expect(res.data.import.summary).toEqual({ rows: 4, valid: 2, created: 0, exists: 0, invalid: 2, failed: 0 })
      expect(res.data.import.rows).toEqual([
        { line: 2, handle: "alpha", status: "valid", errors: [] },
        { line: 3, handle: null, status: "invalid", errors: [expect.objectContaining({ column: "business_country", code: "ROW_INVALID_COUNTRY" })] },
        { line: 4, handle: "gamma", status: "valid", errors: [] },
        { line: 5, handle: "taken", status: "invalid", errors: [expect.objectContaining({ column: "subdomain", code: "VENDOR_HANDLE_TAKEN" })] },
      ])
      expect(await handles()).toEqual(["taken"])
    })

    it("creates the valid rows, reports the bad ones, and creates nothing twice", async () => {
      const first = await post({ csv: CSV })
      expect(first.data.import.summary).toMatchObject({ created: 2, invalid: 2 })
      expect(first.data.import.rows[0]).toMatchObject({ line: 2, status: "created", vendor_id: expect.stringMatching(/^ven_/) })
      expect(await handles()).toEqual(["alpha", "gamma", "taken"])
      await adminHeaders(api, "a@alpha.lu", "password-1") // the owner can log in

      const again = await post({ csv: CSV })
      expect(again.data.import.summary).toMatchObject({ created: 0, exists: 2, invalid: 2 })
      expect(await handles()).toEqual(["alpha", "gamma", "taken"])
    })

    it("refuses an unusable file as a whole with its code and line", async () => {
      const res = await post({ csv: "name,sub\nx,y" })
      expect([res.status, res.data.code, res.data.details]).toEqual([400, "IMPORT_HEADER_INVALID", { line: 1 }])
    })

    it("is for platform admins only", async () => {
      const owner = await adminHeaders(api, "owner@taken.lu", "password-1")
      const res = await api.post("/admin/vendors/import", { csv: CSV, dry_run: true }, { ...owner, ...anyStatus })
      expect([res.status, res.data.code]).toEqual([403, "PLATFORM_ADMIN_REQUIRED"])
    })
  },
})
