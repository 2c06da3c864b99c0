import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import { normalizeRow } from "../../../src/modules/marketplace/feed/normalize-row"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(120 * 1000)

const COLUMNS = ["id", "title", "description", "brand", "availability", "price", "item_group_id"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let owner: { headers: Record<string, string> }
    let rival: { headers: Record<string, string> }
    let vendor: { id: string }
    const marketplace = () => getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)

    const stage = (vendorId: string, language: string, rows: string[][]) =>
      marketplace().stageBatch({
        vendor_id: vendorId, language, default_language: "fr", run_key: `job_${language}:1`,
        rows: rows.map((cells, i) => ({ ...normalizeRow(COLUMNS, cells, i + 2).row!, line: i + 2 })),
      })

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "bicherbus", name: "Bicherbus", owner: { email: "o@bicherbus.test", password: "password-1" } }, platform)).data.vendor
      const other = (await api.post("/admin/vendors", { handle: "rival", name: "Rival", owner: { email: "o@rival.test", password: "password-1" } }, platform)).data.vendor
      owner = await adminHeaders(api, "o@bicherbus.test", "password-1")
      rival = await adminHeaders(api, "o@rival.test", "password-1")
      await stage(vendor.id, "fr", [
        ["B-1", "Livre rouge", "<p>Un livre</p>", "Ernster", "in stock", "12,50 EUR", "G1"],
        ["B-2", "Livre bleu", "", "Ernster", "out of stock", "25,00 EUR", "G1"],
        ["B-3", "Carte postale", "", "Moien", "in stock", "2,00 EUR", ""],
        ["B-4", "Agenda Crème 2027", "", "Moien", "preorder", "18,00 EUR", ""],
      ])
      await stage(vendor.id, "de", [["B-1", "Rotes Buch", "Ein Buch", "Ernster", "in stock", "12,50 EUR", "G1"]])
      await stage(other.id, "fr", [["R-1", "Livre du rival", "", "Ernster", "in stock", "1 EUR", ""]])
    })

    const list = async (qs = "", as = owner) => (await api.get(`/admin/marketplace/staged-products${qs}`, as)).data
    const ids = (data: any) => data.staged_products.map((s: any) => s.external_id)

    it("lists the vendor's staged products only, with their languages, paginated", async () => {
      const all = await list("?order=external_id")
      expect([all.count, ids(all)]).toEqual([4, ["B-1", "B-2", "B-3", "B-4"]])
      expect(all.staged_products[0]).toMatchObject({ title: "Livre rouge", price_amount: 1250, currency_code: "eur", languages: ["de", "fr"], selected: false })
      const page = await list("?order=-price_amount&limit=2&offset=1")
      expect([page.count, ids(page)]).toEqual([4, ["B-4", "B-1"]])
      expect(ids(await list("", rival))).toEqual(["R-1"])
    })

    it.each([
      ["?q=bleu", ["B-2"]],
      ["?q=Rotes", ["B-1"]], // a title in another language
      ["?q=b-3", ["B-3"]],
      ["?q=creme", ["B-4"]], // accents folded
      ["?q=CR%C3%88ME", ["B-4"]],
      ["?brand=Moien", ["B-3", "B-4"]],
      ["?availability=in_stock", ["B-1", "B-3"]],
      ["?availability=out_of_stock,preorder", ["B-2", "B-4"]],
      ["?price_min=1000&price_max=2000", ["B-1", "B-4"]],
      ["?group_id=G1", ["B-1", "B-2"]],
      ["?published=false&gone=false&has_upstream_changes=false", ["B-1", "B-2", "B-3", "B-4"]],
      ["?q=100%25", []],
    ])("filters %s", async (qs, expected) => {
      expect(ids(await list(`${qs}&order=external_id`.replace(/^&/, "?")))).toEqual(expected)
    })

    it("shows one staged product with every language and the raw rows; another vendor's is a 404", async () => {
      const [b1] = (await list("?q=B-1")).staged_products
      const { data } = await api.get(`/admin/marketplace/staged-products/${b1.id}`, owner)
      expect(data.staged_product.texts).toEqual({ fr: { title: "Livre rouge", description: "<p>Un livre</p>" }, de: { title: "Rotes Buch", description: "Ein Buch" } })
      expect(data.staged_product.raw.de.title).toBe("Rotes Buch")
      expect(data.staged_product.data.price).toEqual({ amount: 1250, currency: "EUR" })
      expect((await api.get(`/admin/marketplace/staged-products/${b1.id}`, { ...rival, ...anyStatus })).status).toBe(404)
    })

    it("selects by ids and by the current filter, and unselects; never another vendor's", async () => {
      const [b1, b2] = (await list("?order=external_id")).staged_products
      const [r1] = (await list("", rival)).staged_products
      const byIds = await api.post("/admin/marketplace/staged-products/selection", { selected: true, ids: [b1.id, b2.id, r1.id] }, owner)
      expect(byIds.data).toEqual({ changed: 2, selected_count: 2 })
      const byFilter = await api.post("/admin/marketplace/staged-products/selection", { selected: true, filter: { brand: ["Moien"], availability: ["in_stock"] } }, owner)
      expect(byFilter.data).toEqual({ changed: 1, selected_count: 3 })
      expect(ids(await list("?selected=true&order=external_id"))).toEqual(["B-1", "B-2", "B-3"])
      const off = await api.post("/admin/marketplace/staged-products/selection", { selected: false, filter: { group_id: "G1" } }, owner)
      expect(off.data).toEqual({ changed: 2, selected_count: 1 })
      expect((await list("?selected=true", rival)).count).toBe(0)
    })

    it("a Viewer browses but cannot select; bad filters are refused", async () => {
      const viewer = await addMember(api, getContainer(), vendor.id, "viewer@bicherbus.test", "viewer")
      expect((await list("", viewer.headers)).count).toBe(4)
      const select = await api.post("/admin/marketplace/staged-products/selection", { selected: true, filter: {} }, { ...viewer.headers, ...anyStatus })
      expect([select.status, select.data.code]).toEqual([403, "PERMISSION_DENIED"])
      const both = await api.post("/admin/marketplace/staged-products/selection", { selected: true }, { ...owner, ...anyStatus })
      const bad = await api.get("/admin/marketplace/staged-products?price_min=-1", { ...owner, ...anyStatus })
      const order = await api.get("/admin/marketplace/staged-products?order=raw", { ...owner, ...anyStatus })
      expect([both.status, bad.status, order.status]).toEqual([400, 400, 400])
    })
  },
})
