import { existsSync } from "node:fs"
import http from "node:http"
import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MEDIA_MODULE } from "../../../src/modules/media"
import { adminHeaders, anyStatus, createLamp, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember, asVendor } from "../../helpers/team"

jest.setTimeout(180 * 1000)

type Headers = { headers: Record<string, string> }

/** The header of a PNG of w × h pixels (enough for the library, which reads sizes from headers). */
function png(w: number, h: number) {
  const ihdr = Buffer.alloc(25)
  ihdr.writeUInt32BE(13, 0)
  ihdr.write("IHDR", 4, "latin1")
  ihdr.writeUInt32BE(w, 8)
  ihdr.writeUInt32BE(h, 12)
  ihdr.set([8, 6, 0, 0, 0], 16)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.from("0000000049454e44ae426082", "hex")])
}
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
const stored = (fileId: string) => existsSync(path.join(process.cwd(), "static", fileId))

/**
 * The vendor's media library (docs/admin.md, "Media"): upload through Medusa's file
 * module (local provider here, files under static/), list with filters, alt text,
 * "used in" from the vendor's own products, delete refused while used, tenancy and
 * roles, the type allow-list and the platform's body limit. The runner restores the
 * database before each test: each starts from beforeAll's two vendors.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    let owner: Headers
    let otherOwner: Headers
    let vendor: { id: string }
    let otherVendor: { id: string }

    const upload = (headers: Headers, files: { name: string; body: Buffer | string; type: string }[], extra: Record<string, string> = {}) => {
      const form = new FormData()
      for (const f of files) form.append("files", new Blob([f.body as BlobPart], { type: f.type }), f.name)
      for (const [k, v] of Object.entries(extra)) form.append(k, v)
      return api.post("/admin/media", form, { ...headers, ...anyStatus })
    }

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      vendor = (await api.post("/admin/vendors", { handle: "atelier", name: "Atelier", owner: { email: "owner@atelier.test", password: "password-1" } }, platform)).data.vendor
      otherVendor = (await api.post("/admin/vendors", { handle: "forge", name: "Forge", owner: { email: "owner@forge.test", password: "password-1" } }, platform)).data.vendor
      owner = await adminHeaders(api, "owner@atelier.test", "password-1")
      otherOwner = await adminHeaders(api, "owner@forge.test", "password-1")
    })

    it("uploads images and documents, records their type and size, and lists them with filters and pagination", async () => {
      const res = await upload(owner, [
        { name: "Lampe été.png", body: png(640, 480), type: "image/png" },
        { name: "brochure.pdf", body: PDF, type: "application/pdf" },
        { name: "prices.csv", body: "sku,price\nKL-1,9.90\n", type: "text/csv" },
      ])
      expect(res.status).toBe(201)
      const [image, pdf, csv] = res.data.media_files
      expect(image).toMatchObject({ vendor_id: vendor.id, filename: "Lampe été.png", mime_type: "image/png", kind: "image", width: 640, height: 480, size: png(640, 480).length, alt: null, used_in: [] })
      expect(pdf).toMatchObject({ filename: "brochure.pdf", mime_type: "application/pdf", kind: "other", width: null })
      expect(csv).toMatchObject({ filename: "prices.csv", mime_type: "text/csv", kind: "other" })
      expect(image.id).toMatch(/^media_/)
      expect(stored(image.file_id)).toBe(true)
      // The stored file is served at its URL (the local provider's /static).
      const served = await api.get(new URL(image.url).pathname, anyStatus)
      expect(served.status).toBe(200)

      const all = await api.get("/admin/media", owner)
      expect([all.data.count, all.data.media_files.map((f: any) => f.filename).sort()]).toEqual([3, ["Lampe été.png", "brochure.pdf", "prices.csv"]])
      const images = await api.get("/admin/media?type=image", owner)
      expect(images.data.media_files.map((f: any) => f.id)).toEqual([image.id])
      const others = await api.get("/admin/media?type=other", owner)
      expect(others.data.count).toBe(2)
      const searched = await api.get("/admin/media?q=BROCH", owner)
      expect(searched.data.media_files.map((f: any) => f.id)).toEqual([pdf.id])
      const page = await api.get("/admin/media?limit=2&offset=2&order=filename", owner)
      expect([page.data.count, page.data.limit, page.data.offset, page.data.media_files.map((f: any) => f.filename)]).toEqual([3, 2, 2, ["prices.csv"]])
      expect((await api.get(`/admin/media/${pdf.id}`, owner)).data.media_file).toMatchObject({ id: pdf.id, url: pdf.url, used_in: [] })
    })

    it("refuses a type outside the allow-list, a type the bytes do not bear out, and an empty request, with clear codes", async () => {
      for (const file of [
        { name: "page.html", body: "<script>alert(1)</script>", type: "text/html" },
        { name: "logo.svg", body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', type: "image/svg+xml" },
        { name: "fake.png", body: "MZ this is no png", type: "image/png" },
      ]) {
        const res = await upload(owner, [{ name: "ok.png", body: png(1, 1), type: "image/png" }, file])
        expect([file.name, res.status, res.data.code, res.data.details?.filename]).toEqual([file.name, 400, "MEDIA_TYPE_NOT_ALLOWED", file.name])
      }
      const none = await api.post("/admin/media", new FormData(), { ...owner, ...anyStatus })
      expect([none.status, none.data.code]).toEqual([400, "MEDIA_FILE_REQUIRED"])
      const misnamed = new FormData()
      misnamed.append("file", new Blob([png(1, 1)], { type: "image/png" }), "one.png")
      const wrongField = await api.post("/admin/media", misnamed, { ...owner, ...anyStatus })
      expect([wrongField.status, wrongField.data.code, wrongField.data.message]).toEqual([400, "MEDIA_FILE_REQUIRED", expect.stringContaining("`files`")])
      // One refused file refuses the upload: nothing was recorded.
      expect((await api.get("/admin/media", owner)).data.count).toBe(0)
    })

    it("answers an upload over MAX_UPLOAD_MB with 413 PAYLOAD_TOO_LARGE before reading it, and records nothing", async () => {
      process.env.MAX_UPLOAD_MB = "1"
      try {
        const body = Buffer.concat([
          Buffer.from('--x\r\nContent-Disposition: form-data; name="files"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n'),
          png(4000, 4000),
          Buffer.alloc(2 * 1024 * 1024),
          Buffer.from("\r\n--x--\r\n"),
        ])
        const reply = await new Promise<{ status: number; body: any }>((resolve, reject) => {
          const req = http.request(new URL("/admin/media", api.defaults.baseURL), {
            method: "POST",
            headers: { ...owner.headers, "content-type": "multipart/form-data; boundary=x", "content-length": String(body.length) },
          }, (res) => {
            let text = ""
            res.on("data", (d) => (text += d))
            res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }))
          })
          // The server answers and closes before the client is done writing: the answer counts.
          req.on("error", (e: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(e.code ?? "") ? undefined : reject(e)))
          req.end(body)
        })
        expect([reply.status, reply.body.code]).toEqual([413, "PAYLOAD_TOO_LARGE"])
      } finally {
        delete process.env.MAX_UPLOAD_MB
      }
      expect((await api.get("/admin/media", owner)).data.count).toBe(0)
    })

    it("edits the alt text, and clears it with empty text", async () => {
      const [file] = (await upload(owner, [{ name: "lamp.png", body: png(10, 10), type: "image/png" }])).data.media_files
      const set = await api.post(`/admin/media/${file.id}`, { alt: "  Brass desk lamp, lit  " }, owner)
      expect(set.data.media_file).toMatchObject({ id: file.id, alt: "Brass desk lamp, lit" })
      expect((await api.get(`/admin/media/${file.id}`, owner)).data.media_file.alt).toBe("Brass desk lamp, lit")
      const cleared = await api.post(`/admin/media/${file.id}`, { alt: "" }, owner)
      expect(cleared.data.media_file.alt).toBeNull()
      const bad = await api.post(`/admin/media/${file.id}`, { alt: "x", vendor_id: otherVendor.id }, { ...owner, ...anyStatus })
      expect([bad.status, bad.data.code]).toEqual([400, "INVALID_DATA"])
    })

    it("shows where a file is used among the vendor's own products and refuses to delete it until it is not", async () => {
      const [file] = (await upload(owner, [{ name: "lamp.png", body: png(10, 10), type: "image/png" }])).data.media_files
      const lamp = await createLamp(api, owner, "Desk lamp", false)
      await api.post(`/admin/products/${lamp.id}`, { thumbnail: file.url, images: [{ url: file.url }] }, owner)
      const shade = await createLamp(api, owner, "Shade", false)
      await api.post(`/admin/products/${shade.id}`, { images: [{ url: file.url }] }, owner)
      // Another vendor pasting the same URL into its own product is none of this vendor's business.
      const foreign = await createLamp(api, otherOwner, "Copycat", false)
      await api.post(`/admin/products/${foreign.id}`, { thumbnail: file.url }, otherOwner)

      const { data } = await api.get(`/admin/media/${file.id}`, owner)
      const uses = data.media_file.used_in.sort((a: any, b: any) => a.title.localeCompare(b.title))
      expect(uses).toEqual([
        { id: lamp.id, title: "Desk lamp", status: "published", as: ["thumbnail", "image"] },
        { id: shade.id, title: "Shade", status: "published", as: ["image"] },
      ])
      expect((await api.get("/admin/media", owner)).data.media_files[0].used_in).toHaveLength(2)

      const refused = await api.delete(`/admin/media/${file.id}`, { ...owner, ...anyStatus })
      expect([refused.status, refused.data.code, refused.data.details.products.map((p: any) => p.id).sort()]).toEqual([409, "MEDIA_FILE_IN_USE", [lamp.id, shade.id].sort()])
      expect(stored(file.file_id)).toBe(true)

      await api.post(`/admin/products/${lamp.id}`, { thumbnail: null, images: [] }, owner)
      await api.post(`/admin/products/${shade.id}`, { images: [] }, owner)
      const deleted = await api.delete(`/admin/media/${file.id}`, owner)
      expect(deleted.data).toEqual({ id: file.id, object: "media_file", deleted: true })
      expect(stored(file.file_id)).toBe(false)
      expect((await api.get(`/admin/media/${file.id}`, { ...owner, ...anyStatus })).status).toBe(404)
      expect((await api.get("/admin/media", owner)).data.count).toBe(0)
    })

    it("keeps each vendor to its own library: another vendor's id is 404, the vendor never comes from the body", async () => {
      const [file] = (await upload(owner, [{ name: "lamp.png", body: png(10, 10), type: "image/png" }], { vendor_id: otherVendor.id })).data.media_files
      expect(file.vendor_id).toBe(vendor.id)
      for (const [method, body] of [["get"], ["post", { alt: "stolen" }], ["delete"]] as const) {
        const res = method === "post" ? await api.post(`/admin/media/${file.id}`, body, { ...otherOwner, ...anyStatus }) : await api[method](`/admin/media/${file.id}`, { ...otherOwner, ...anyStatus })
        expect([method, res.status, res.data.code]).toEqual([method, 404, "NOT_FOUND"])
      }
      expect((await api.get("/admin/media", otherOwner)).data.count).toBe(0)
      expect((await api.get(`/admin/media/${file.id}`, owner)).data.media_file.alt).toBeNull()
      expect(stored(file.file_id)).toBe(true)
      // A platform admin names the shop to upload into, and may read every shop's library.
      const named = await upload(asVendor(platform, otherVendor.id), [{ name: "forge.png", body: png(2, 2), type: "image/png" }])
      expect(named.data.media_files[0].vendor_id).toBe(otherVendor.id)
      expect((await api.get("/admin/media", platform)).data.count).toBe(2)
      expect((await api.get("/admin/media", asVendor(platform, vendor.id))).data.media_files.map((f: any) => f.id)).toEqual([file.id])
    })

    it("lets a Viewer browse but not upload, edit or delete; an Editor may", async () => {
      const [file] = (await upload(owner, [{ name: "lamp.png", body: png(10, 10), type: "image/png" }])).data.media_files
      const viewer = await addMember(api, getContainer(), vendor.id, "viewer@atelier.test", "viewer")
      expect((await api.get("/admin/media", viewer.headers)).data.count).toBe(1)
      const refused = [
        await upload(viewer.headers, [{ name: "x.png", body: png(1, 1), type: "image/png" }]),
        await api.post(`/admin/media/${file.id}`, { alt: "x" }, { ...viewer.headers, ...anyStatus }),
        await api.delete(`/admin/media/${file.id}`, { ...viewer.headers, ...anyStatus }),
      ]
      expect(refused.map((r) => [r.status, r.data.code, r.data.details?.permission])).toEqual(Array(3).fill([403, "PERMISSION_DENIED", "products.edit"]))
      const editor = await addMember(api, getContainer(), vendor.id, "editor@atelier.test", "editor")
      expect((await upload(editor.headers, [{ name: "y.png", body: png(1, 1), type: "image/png" }])).status).toBe(201)
      expect((await api.post(`/admin/media/${file.id}`, { alt: "Lamp" }, editor.headers)).data.media_file.alt).toBe("Lamp")
    })

    it("deletes the stored file again when recording the upload fails (the workflow's compensation)", async () => {
      const container = getContainer()
      const created = jest.spyOn(container.resolve(Modules.FILE), "createFiles")
      const record = jest.spyOn(container.resolve(MEDIA_MODULE), "createMediaFiles").mockRejectedValueOnce(new Error("database went away"))
      try {
        const res = await upload(owner, [{ name: "lamp.png", body: png(10, 10), type: "image/png" }])
        expect(res.status).toBe(500)
        const files = await (created.mock.results[0].value as Promise<{ id: string }[]>)
        expect(files).toHaveLength(1)
        expect(stored(files[0].id)).toBe(false)
        expect((await api.get("/admin/media", owner)).data.count).toBe(0)
      } finally {
        created.mockRestore()
        record.mockRestore()
      }
    })
  },
})
