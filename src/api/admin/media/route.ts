import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { uploadMediaFilesWorkflow } from "../../../workflows/media/workflows/upload-media-files"
import { activeVendorId, type TenantRequest } from "../../tenancy/context"
import { libraryVendorId, mediaFields, withUses } from "./helpers"
import type { AdminGetMediaFilesParamsType } from "./validators"

type UploadedPart = { originalname: string; mimetype: string; buffer: Buffer }

/** The vendor's media library, newest first, each file with the products that use it. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetMediaFilesParamsType> & TenantRequest, res: MedusaResponse) {
  const { q, type, ...filters } = req.filterableFields as Partial<AdminGetMediaFilesParamsType> & Record<string, unknown>
  const vendorId = libraryVendorId(req)
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "media_file",
    fields: mediaFields(req),
    filters: {
      ...filters,
      ...(vendorId ? { vendor_id: vendorId } : {}),
      ...(type ? { kind: type } : {}),
      ...(q ? { filename: { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {}),
    },
    pagination: req.queryConfig.pagination,
  })
  res.json({ media_files: await withUses(req, data), count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}

/** Uploads files (multipart, field `files`) into the active vendor's library. */
export async function POST(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  const parts = ((req as { files?: UploadedPart[] }).files ?? []) as UploadedPart[]
  const { result } = await uploadMediaFilesWorkflow(req.scope).run({
    input: {
      vendor_id: activeVendorId(req),
      uploaded_by: req.auth_context.actor_id,
      files: parts.map((f) => ({ filename: f.originalname, mime_type: f.mimetype, content: f.buffer.toString("base64") })),
    },
  })
  res.status(201).json({ media_files: result.map((f) => ({ ...f, used_in: [] })) })
}
