import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { productsUsingMedia, type MediaUse } from "../../../workflows/media/used-in"
import type { TenantRequest } from "../../tenancy/context"
import { mediaFileFields } from "./query-config"

type MediaRecord = { id: string; vendor_id: string; url: string } & Record<string, unknown>

/**
 * Whose library a request works on: a member's active vendor; for a platform admin the
 * vendor named by `x-vendor-id`, else null (every vendor's files, each checked against
 * its own vendor's products). Never the body.
 */
export function libraryVendorId(req: TenantRequest): string | null {
  return req.tenant?.kind === "vendor" ? req.tenant.vendor_id : req.get("x-vendor-id") || null
}

/** Adds `used_in` to each file: its own vendor's products showing its URL (thumbnail or image). */
export async function withUses(req: MedusaRequest, files: MediaRecord[]): Promise<(MediaRecord & { used_in: MediaUse[] })[]> {
  const byVendor = new Map<string, string[]>()
  files.forEach((f) => byVendor.set(f.vendor_id, [...(byVendor.get(f.vendor_id) ?? []), f.url]))
  const uses = new Map<string, Map<string, MediaUse[]>>()
  for (const [vendorId, urls] of byVendor) {
    uses.set(vendorId, await productsUsingMedia(req.scope, vendorId, urls))
  }
  return files.map((f) => ({ ...f, used_in: uses.get(f.vendor_id)?.get(f.url) ?? [] }))
}

/** The fields asked for, with those `used_in` needs. */
export const mediaFields = (req: MedusaRequest) => [...new Set([...(req.queryConfig?.fields ?? mediaFileFields), "id", "vendor_id", "url"])]

/** One file of the library for the response, with its uses; NOT_FOUND when it is not there or another vendor's. */
export async function refetchMediaFile(req: MedusaRequest & TenantRequest, id: string) {
  const vendorId = libraryVendorId(req)
  const {
    data: [file],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "media_file",
    fields: mediaFields(req),
    filters: { id, ...(vendorId ? { vendor_id: vendorId } : {}) },
  })
  if (!file) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No media file ${id}.`)
  }
  const [withUse] = await withUses(req, [file as MediaRecord])
  return withUse
}
