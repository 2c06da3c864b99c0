import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"
import { useActiveVendor } from "../../../lib/vendor"

/**
 * The Media page's data: /admin/media through the JS SDK and the dashboard's
 * TanStack Query (every parameter in the key, the library invalidated after each
 * change). Uploads go through XMLHttpRequest, the one browser API that reports
 * upload progress.
 */

export type MediaUse = { id: string; title: string; status: string; as: ("thumbnail" | "image")[] }

export type MediaFile = {
  id: string
  vendor_id: string
  file_id: string
  url: string
  filename: string
  mime_type: string
  kind: "image" | "other"
  size: number
  alt: string | null
  width: number | null
  height: number | null
  created_at: string
  used_in: MediaUse[]
}

export type MediaParams = { q?: string; type?: "image" | "other"; limit: number; offset: number; order?: string }

const mediaKey = (vendorId: string | null) => ["maart", "media", vendorId] as const

export function useMediaFiles(params: MediaParams) {
  const { activeVendorId } = useActiveVendor()
  return useQuery({
    queryKey: [...mediaKey(activeVendorId), "list", params],
    queryFn: () =>
      sdk.client.fetch<{ media_files: MediaFile[]; count: number; offset: number; limit: number }>("/admin/media", {
        query: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")),
      }),
    placeholderData: keepPreviousData,
  })
}

function useInvalidateMedia() {
  const queryClient = useQueryClient()
  const { activeVendorId } = useActiveVendor()
  return () => queryClient.invalidateQueries({ queryKey: mediaKey(activeVendorId) })
}

export function useUpdateMedia() {
  const invalidate = useInvalidateMedia()
  return useMutation({
    mutationFn: ({ id, alt }: { id: string; alt: string }) =>
      sdk.client.fetch<{ media_file: MediaFile }>(`/admin/media/${id}`, { method: "POST", body: { alt } }),
    onSuccess: invalidate,
  })
}

export function useDeleteMedia() {
  const invalidate = useInvalidateMedia()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/media/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

/** An API refusal as the page shows it: Maart's message (its code in brackets). */
export class MediaUploadError extends Error {
  constructor(message: string, readonly code?: string) {
    super(code ? `${message} (${code})` : message)
  }
}

/**
 * Uploads files in one request, reporting the share of bytes sent (0..1); resolves with the recorded files.
 * Same origin as the dashboard, like the SDK client (Medusa serves the admin under /app).
 */
export function uploadMedia(files: File[], onProgress: (sent: number) => void): Promise<MediaFile[]> {
  const form = new FormData()
  files.forEach((file) => form.append("files", file, file.name))
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open("POST", "/admin/media")
    xhr.withCredentials = true // the dashboard's session cookie
    xhr.responseType = "json"
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onload = () => {
      const body = xhr.response as { media_files?: MediaFile[]; message?: string; code?: string } | null
      if (xhr.status >= 200 && xhr.status < 300 && body?.media_files) {
        onProgress(1)
        resolve(body.media_files)
      } else {
        reject(new MediaUploadError(body?.message ?? `Upload failed (${xhr.status}).`, body?.code))
      }
    }
    xhr.onerror = () => reject(new MediaUploadError("The upload was interrupted: check the connection and try again."))
    xhr.send(form)
  })
}

/** After an upload: the library's queries read again. */
export const useMediaUploaded = useInvalidateMedia

export const ACCEPT = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/csv,.csv"

export function fileSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export const typeLabel = (file: Pick<MediaFile, "mime_type">) => file.mime_type.split("/")[1].replace("jpeg", "jpg").toUpperCase()
