import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"

export type AdminGetMediaFilesParamsType = z.infer<typeof AdminGetMediaFilesParams>
export const AdminGetMediaFilesParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  // Part of the file name, case-insensitive.
  q: z.string().optional(),
  // Images, or everything else (PDF, CSV).
  type: z.enum(["image", "other"]).optional(),
})

export const AdminGetMediaFileParams = createSelectParams()

export type AdminUpdateMediaFileType = z.infer<typeof AdminUpdateMediaFile>
export const AdminUpdateMediaFile = z
  .object({
    // Empty text clears it (a decorative image).
    alt: z
      .string()
      .max(500)
      .nullable()
      .transform((alt) => (alt?.trim() ? alt.trim() : null)),
  })
  .strict()
