import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from ".."
import { normalizeRow } from "../feed/normalize-row"
import ImportJob from "../models/import-job"
import ImportRowError from "../models/import-row-error"
import StagedProduct from "../models/staged-product"
import MarketplaceModuleService from "../service"

jest.setTimeout(60 * 1000)

const COLUMNS = ["id", "title", "description", "price", "gtin", "availability", "item_group_id"]
const row = (line: number, ...cells: string[]) => ({ ...normalizeRow(COLUMNS, cells, line).row!, line })

moduleIntegrationTestRunner<MarketplaceModuleService>({
  moduleName: MARKETPLACE_MODULE,
  moduleModels: [ImportJob, ImportRowError, StagedProduct],
  resolve: "./src/modules/marketplace",
  testSuite: ({ service }) => {
    const stage = (language: string, run: string, rows: ReturnType<typeof row>[]) =>
      service.stageBatch({ vendor_id: "ven_1", language, default_language: "fr", run_key: run, rows })

    describe("staging a batch", () => {
      it("inserts, then changes nothing for the same rows, then updates a changed one", async () => {
        const rows = [row(2, "A1", "Lampe", "Belle", "10 EUR", "", "in stock", "G"), row(3, "A2", "Vase", "", "5 EUR", "", "", "")]
        expect(await stage("fr", "j1:0", rows)).toEqual({ imported: 2, unchanged: 0, duplicates: [], conflicts: [] })
        expect(await stage("fr", "j2:0", rows)).toEqual({ imported: 0, unchanged: 2, duplicates: [], conflicts: [] })
        const changed = [row(2, "A1", "Lampe", "Belle", "12 EUR", "", "in stock", "G"), rows[1]]
        expect(await stage("fr", "j3:0", changed)).toMatchObject({ imported: 1, unchanged: 1 })
        const [a1] = await service.listStagedProducts({ external_id: "A1" })
        expect([Number(a1.price_amount), a1.group_id, a1.availability, a1.title]).toEqual([1200, "G", "in_stock", "Lampe"])
        expect(await service.listStagedProducts({ vendor_id: "ven_1" })).toHaveLength(2)
      })

      it("merges the languages of one item; the default language's typed fields win, with a conflict warning", async () => {
        await stage("de", "jde:0", [row(2, "A1", "Lampe (de)", "Schön", "11 EUR", "", "", "")])
        let [a1] = await service.listStagedProducts({ external_id: "A1" })
        expect([Number(a1.price_amount), a1.data_language]).toEqual([1100, "de"]) // until the default language comes
        await stage("fr", "jfr:0", [row(2, "A1", "Lampe (fr)", "Belle", "10 EUR", "", "", "")])
        const en = await stage("en", "jen:0", [row(7, "A1", "Lamp", "Nice", "99 EUR", "", "", "")])
        expect(en.conflicts).toEqual([{ line: 7, external_id: "A1", fields: ["price"] }])
        ;[a1] = await service.listStagedProducts({ external_id: "A1" })
        expect([Number(a1.price_amount), a1.data_language, a1.title]).toEqual([1000, "fr", "Lampe (fr)"])
        expect(a1.texts).toEqual({
          de: { title: "Lampe (de)", description: "Schön" },
          fr: { title: "Lampe (fr)", description: "Belle" },
          en: { title: "Lamp", description: "Nice" },
        })
      })

      it("reports an id seen twice in one run as a duplicate, within and across batches", async () => {
        const first = await stage("fr", "j1:0", [row(2, "A1", "x", "", "1 EUR", "", "", ""), row(3, "A1", "y", "", "2 EUR", "", "", "")])
        const second = await stage("fr", "j1:0", [row(9, "A1", "z", "", "3 EUR", "", "", "")])
        expect([first.duplicates, second.duplicates]).toEqual([[{ line: 3, external_id: "A1" }], [{ line: 9, external_id: "A1" }]])
        // A new run (a restart, or the next import) is not a duplicate.
        expect((await stage("fr", "j1:1", [row(2, "A1", "x", "", "1 EUR", "", "", "")])).duplicates).toEqual([])
      })

      it("marks items the default language's run did not see as gone, and brings them back when seen", async () => {
        await stage("fr", "j1:0", [row(2, "A1", "x", "", "1 EUR", "", "", ""), row(3, "A2", "y", "", "1 EUR", "", "", "")])
        await stage("fr", "j2:0", [row(2, "A1", "x", "", "1 EUR", "", "", "")])
        expect(await service.markGone({ vendor_id: "ven_1", language: "fr", run_key: "j2:0" })).toBe(1)
        const gone = await service.listStagedProducts({ gone_at: { $ne: null } })
        expect(gone.map((g) => g.external_id)).toEqual(["A2"])
        await stage("fr", "j3:0", [row(3, "A2", "y", "", "1 EUR", "", "", "")])
        expect(await service.listStagedProducts({ gone_at: { $ne: null } })).toEqual([])
      })

      it("flags a published item whose feed data changed", async () => {
        await stage("fr", "j1:0", [row(2, "A1", "x", "", "1 EUR", "", "", "")])
        const [a1] = await service.listStagedProducts({ external_id: "A1" })
        await service.updateStagedProducts({ id: a1.id, published_product_id: "prod_1", published_hash: a1.content_hash })
        await stage("fr", "j2:0", [row(2, "A1", "x", "", "1 EUR", "", "", "")])
        expect((await service.retrieveStagedProduct(a1.id)).upstream_changed_at).toBeNull()
        await stage("fr", "j3:0", [row(2, "A1", "x2", "", "1 EUR", "", "", "")])
        expect((await service.retrieveStagedProduct(a1.id)).upstream_changed_at).not.toBeNull()
      })

      it("keeps a raw cell that changed without changing the item (unchanged, raw row updated)", async () => {
        await stage("fr", "j1:0", [row(2, "A1", "x", "", "10 EUR", "", "", "")])
        expect(await stage("fr", "j2:0", [row(2, "A1", "x", "", "10,00 EUR", "", "", "")])).toMatchObject({ imported: 0, unchanged: 1 })
        const [a1] = await service.listStagedProducts({ external_id: "A1" })
        expect([(a1.raw as Record<string, Record<string, string>>).fr.price, Number(a1.price_amount), a1.seen_runs.fr]).toEqual(["10,00 EUR", 1000, "j2:0"])
      })
    })

    describe("a staging writer", () => {
      const target = { vendor_id: "ven_1", language: "fr", default_language: "fr", run_key: "jw:0" }
      const rows = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => row(from + i, `W${from + i}`, `Item ${from + i}`, "<p>Une <b>belle</b> chose</p>\tà\\x", "2,50 EUR", "", "in stock", "G"))

      it("merges a batch while the next one loads; a batch never sent leaves nothing; repeats across batches are duplicates", async () => {
        const writer = await service.openStagingWriter(target)
        // Enough rows that each batch's COPY is open and streaming before it is sent.
        for (const { line, ...r } of rows(2, 600)) await writer.add(r, line)
        const first = writer.send()
        for (const { line, ...r } of rows(602, 600)) await writer.add(r, line)
        expect(await first).toEqual({ imported: 600, unchanged: 0, duplicates: [], conflicts: [] })
        await writer.close()
        expect(await service.listStagedProducts({ vendor_id: "ven_1" }, { select: ["id"] })).toHaveLength(600)

        const again = await service.openStagingWriter(target)
        for (const { line, ...r } of [...rows(2, 2), ...rows(900, 2)]) await again.add({ ...r }, line + 10000)
        expect(await again.send()).toMatchObject({ imported: 2, duplicates: [{ line: 10002, external_id: "W2" }, { line: 10003, external_id: "W3" }] })
        await again.close()
        const [w900] = await service.listStagedProducts({ external_id: "W900" })
        expect((w900.texts as Record<string, { description: string }>).fr.description).toBe("<p>Une <b>belle</b> chose</p>\tà\\x")
      })
    })
  },
})
