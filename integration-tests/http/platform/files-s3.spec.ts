import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type MarketplaceModuleService from "../../../src/modules/marketplace/service"
import { MARKETPLACE_MODULE } from "../../../src/modules/marketplace"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { S3_TEST_BUCKET, useS3Server } from "../../helpers/s3-server"

jest.setTimeout(180 * 1000)

type Headers = { headers: Record<string, string> }

// Before the runner's own hooks: the server must be up and S3_* set when medusa-config is loaded.
const s3 = useS3Server()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: Headers
    const owners: Record<string, Headers> = {}
    const vendors: Record<string, { id: string }> = {}

    const upload = (headers: Headers, name: string, body: string | Uint8Array, type: string) => {
      const form = new FormData()
      form.append("files", new Blob([body as BlobPart], { type }), name)
      return api.post("/admin/uploads", form, { ...headers, ...anyStatus })
    }

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      for (const handle of ["filesa", "filesb"]) {
        const owner = { email: `owner@${handle}.test`, password: "password-1" }
        vendors[handle] = (await api.post("/admin/vendors", { handle, name: handle, owner }, platform)).data.vendor
        owners[handle] = await adminHeaders(api, owner.email, owner.password)
      }
    })

    describe("files on S3 (an S3-compatible server, s3rver, started by the test)", () => {
      it("stores an admin upload in the bucket and serves it at its public URL", async () => {
        const body = `maart on s3 ${Date.now()}`
        const res = await upload(platform, "notes.txt", body, "text/plain")
        expect(res.status).toBe(200)
        const [file] = res.data.files
        expect(file.url.startsWith(`${s3.fileUrl}/notes-`)).toBe(true)
        const fetched = await fetch(file.url)
        expect([fetched.status, await fetched.text()]).toEqual([200, body])
      })

      it("keeps a vendor's logo, uploaded by its owner, in the bucket and gives it to its storefront", async () => {
        // A 1×1 PNG: the bytes must arrive unchanged.
        const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"))
        const res = await upload(owners.filesa, "logo.png", png, "image/png")
        expect(res.status).toBe(200)
        const logoUrl = res.data.files[0].url
        expect(logoUrl.startsWith(s3.fileUrl)).toBe(true)
        await api.post(`/admin/vendors/${vendors.filesa.id}`, { theme: { logo_url: logoUrl, primary_color: "#112233" } }, platform)
        await api.post(`/admin/vendors/${vendors.filesa.id}/activate`, {}, platform)

        // Any publishable key may ask which shop a handle is (the storefront uses the platform's).
        const [key] = await getContainer().resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
        const { data: resolved } = await api.get(`/store/vendors/resolve?handle=filesa`, { headers: { "x-publishable-api-key": key.token } })
        expect(resolved.vendor.theme.logo_url).toBe(logoUrl)
        const fetched = await fetch(logoUrl)
        expect(fetched.status).toBe(200)
        expect(Buffer.from(await fetched.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
      })

      it("exports an import job's row errors as a private file with a presigned download link, for the job's vendor only", async () => {
        const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
        const job = await marketplace.createImportJobs({ vendor_id: vendors.filesa.id, source_kind: "url", source_url: "https://feeds.example/fr.csv", language: "fr", status: "partially_succeeded" })
        await marketplace.createImportRowErrors([
          { job_id: job.id, line: 7, column: "price", code: "PRICE_INVALID", message: "Price is not a number", value: "12,x" },
          { job_id: job.id, line: 3, column: "title", code: "TITLE_MISSING", message: "Title is empty", value: "", severity: "warning" },
        ] as any)

        const res = await api.post(`/admin/marketplace/imports/${job.id}/errors/export`, {}, owners.filesa)
        expect(res.status).toBe(201)
        const { url, filename } = res.data.file
        expect(filename).toBe(`import-${job.id}-errors.csv`)
        // Presigned: the signature is in the link, no admin session needed.
        expect(url.startsWith(`${s3.endpoint}/${S3_TEST_BUCKET}/import-${job.id}-errors-`)).toBe(true)
        expect(url).toContain("X-Amz-Signature=")
        const fetched = await fetch(url)
        expect(fetched.status).toBe(200)
        expect((await fetched.text()).trim().split("\n")).toEqual([
          "line,column,code,message,value,external_id,severity",
          "3,title,TITLE_MISSING,Title is empty,,,warning",
          "7,price,PRICE_INVALID,Price is not a number,\"12,x\",,error",
        ])
        // Valid for an hour (file-s3's default), signed for this one object.
        expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("3600")

        const foreign = await api.post(`/admin/marketplace/imports/${job.id}/errors/export`, {}, { ...owners.filesb, ...anyStatus })
        expect(foreign.status).toBe(404)
      })
    })
  },
})
