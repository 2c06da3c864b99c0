/**
 * @maart-serial pg_dump/pg_restore and the shared local file store (static/).
 */
import { execFileSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import pg from "pg"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { openShop } from "../../helpers/shop"

jest.setTimeout(300 * 1000)

const ROOT = path.resolve(__dirname, "../../..")
const SCRIPT = path.join(ROOT, "scripts/backup.mjs")

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

/** What a restore must bring back: the shops, their catalogs and their orders (with lines), and who owns what. */
const SNAPSHOT = {
  vendors: "SELECT id, handle, name, status FROM vendor ORDER BY id",
  products: "SELECT id, title, handle, status FROM product WHERE deleted_at IS NULL ORDER BY id",
  variants: "SELECT id, product_id, sku FROM product_variant WHERE deleted_at IS NULL ORDER BY id",
  orders: `SELECT id, email, sales_channel_id, status FROM "order" ORDER BY id`,
  order_lines: "SELECT id, title, variant_id FROM order_line_item ORDER BY id",
  product_channels: "SELECT product_id, sales_channel_id FROM product_sales_channel WHERE deleted_at IS NULL ORDER BY product_id, sales_channel_id",
}

async function snapshot(url: string) {
  const out: Record<string, unknown[]> = {}
  for (const [name, sql] of Object.entries(SNAPSHOT)) out[name] = await rows(url, sql)
  return out
}

function run(args: string[]) {
  return execFileSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "maart-backup-spec-"))
    const restoredDb = `maart_restore_${crypto.randomBytes(4).toString("hex")}`
    const restoredUrl = (() => {
      const url = new URL(dbConfig.clientUrl)
      url.pathname = `/${restoredDb}`
      return url.toString()
    })()
    let uploaded: { name: string; body: string }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      await openShop(api, getContainer(), platform, "backupa")
      await openShop(api, getContainer(), platform, "backupb")
      // A file in the local file store (the local provider's static/ under the working folder).
      const body = `maart backup ${crypto.randomUUID()}`
      const form = new FormData()
      form.append("files", new Blob([body], { type: "text/plain" }), "backup-proof.txt")
      const res = await api.post("/admin/uploads", form, { ...platform, ...anyStatus })
      expect(res.status).toBe(200)
      uploaded = { name: path.basename(new URL(res.data.files[0].url).pathname), body }
    })

    afterAll(async () => {
      fs.rmSync(work, { recursive: true, force: true })
      const admin = new URL(dbConfig.clientUrl)
      admin.pathname = "/postgres"
      await rows(admin.toString(), `DROP DATABASE IF EXISTS "${restoredDb}" WITH (FORCE)`)
    })

    it("backs up and restores into a fresh database: the same vendors, products and orders, and the files", async () => {
      const source = await snapshot(dbConfig.clientUrl)
      expect(source.vendors.length).toBe(2)
      expect(source.products.length).toBeGreaterThanOrEqual(2)
      expect(source.orders.length).toBeGreaterThanOrEqual(2)

      run(["backup", "--database-url", dbConfig.clientUrl, "--files", path.join(ROOT, "static"), "--out", path.join(work, "out")])
      const [archive] = fs.readdirSync(path.join(work, "out"))
      expect(archive).toMatch(/^maart-backup-\d{4}-\d{2}-\d{2}T[\d-]+Z\.tar\.gz$/)
      const manifest = JSON.parse(
        execFileSync("tar", ["-xzOf", path.join(work, "out", archive), "--wildcards", "*/manifest.json"], { encoding: "utf8" })
      )
      expect(manifest).toMatchObject({ format: 1, database: dbConfig.dbName, maart_version: expect.any(String) })
      expect(manifest.file_count).toBeGreaterThanOrEqual(1)

      const filesDir = path.join(work, "restored-files")
      run(["restore", path.join(work, "out", archive), "--database-url", restoredUrl, "--files-dir", filesDir])

      expect(await snapshot(restoredUrl)).toEqual(source)
      expect(fs.readFileSync(path.join(filesDir, uploaded.name), "utf8")).toBe(uploaded.body)

      // A second restore into the now non-empty database is refused without --force…
      let refusal: { status?: number; stderr?: string } = {}
      try {
        run(["restore", path.join(work, "out", archive), "--database-url", restoredUrl, "--files-dir", filesDir])
      } catch (e) {
        refusal = e as { status?: number; stderr?: string }
      }
      expect(refusal.status).toBe(2)
      expect(refusal.stderr).toMatch(/is not empty/)

      // …and replaces it with --force (a vendor renamed since is back as it was).
      await rows(restoredUrl, "UPDATE vendor SET name = 'changed after the backup'")
      run(["restore", path.join(work, "out", archive), "--database-url", restoredUrl, "--files-dir", filesDir, "--force"])
      expect(await snapshot(restoredUrl)).toEqual(source)
    })
  },
})
